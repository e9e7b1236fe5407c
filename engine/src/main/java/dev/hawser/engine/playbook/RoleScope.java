package dev.hawser.engine.playbook;

import java.nio.file.Path;
import java.util.Map;

/**
 * One role as used by a play: where it lives and its variables. {@code defaults} come from
 * defaults/main.yml (lowest precedence); {@code vars} are the entry's {@code vars:} then
 * vars/main.yml; {@code params} are the other keys of the role entry (seen by the role's own tasks only).
 */
public record RoleScope(String name, Path dir, Map<String, Object> defaults, Map<String, Object> vars,
    Map<String, Object> params) {}
