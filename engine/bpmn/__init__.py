"""BPMN 2.0 in and out: the stored, versioned form of an SOP."""
