package org.openmineral.platform.observability;

/**
 * Published (as an application event) after each job's handler returned or threw: the job, its
 * type, the outcome as tagged on {@code openmineral.job.duration} and the time the handler took,
 * from the job handed to the worker until its command was sent. The metric aggregates by type; this
 * is the same measurement per job, for in-process observers that pair it with the engine's records
 * of the same job (the lifecycle benchmark's per-task engine overhead: the job's turnaround less
 * the handler's own time).
 */
public record JobHandled(long jobKey, String type, String outcome, long nanos) {}
