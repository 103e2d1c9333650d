from opcc_model.cli import run

run()
