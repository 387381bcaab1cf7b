"""Executing SOP versions: the Runtime facade, versions, instances, work items, timers, worker, audit."""
