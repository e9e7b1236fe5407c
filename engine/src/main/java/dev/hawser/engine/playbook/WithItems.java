package dev.hawser.engine.playbook;

/** A with_items loop: its list is flattened one level after rendering, as Ansible does. */
public record WithItems(Object items) {}
