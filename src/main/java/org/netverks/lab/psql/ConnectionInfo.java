package org.netverks.lab.psql;

/** Connection facts for \conninfo (the caller knows them; never read from the learner's session). */
public record ConnectionInfo(String database, String user, String host, int port) {}
