package org.netverks.lab.psql;

/** A message psql prints instead of a result ("Did not find any relation named ..."); becomes a Failure. */
final class MetaCommandException extends RuntimeException {

    MetaCommandException(String message) {
        super(message, null, false, false);
    }
}
