"""Outputs: one module per output format (DOT diagrams, Mermaid, BPMN, site, tables)."""
