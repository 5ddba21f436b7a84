package org.netverks.content;

import java.util.List;

/** What the home page shows: every track. */
public record HomePage(List<Track> tracks) {}
