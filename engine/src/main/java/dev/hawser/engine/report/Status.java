package dev.hawser.engine.report;

/** How one task ended on one host, as Ansible names it. */
public enum Status { OK, CHANGED, FAILED, SKIPPED, UNREACHABLE, IGNORED, RESCUED }
