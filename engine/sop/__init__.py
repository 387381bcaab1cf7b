"""The SOP model and everything decided from it alone: validation, durations, working time, conditions, diff, overlap, numbering."""
