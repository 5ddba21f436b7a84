package org.netverks.lab.sandbox;

import java.util.UUID;

/** One learner's database for one dataset, and the role that owns what is inside it. */
public record Sandbox(
        UUID id, String serverId, String dataset, String template, String database, String role, String password) {}
