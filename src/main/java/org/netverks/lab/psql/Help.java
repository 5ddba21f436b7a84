package org.netverks.lab.psql;

import org.netverks.lab.shared.DisplaySettings;

/** \?: psql's help, cut down to the backslash commands the lab runs. */
final class Help {

    private Help() {}

    static String text(DisplaySettings settings) {
        return """
                General
                  \\g                     execute query (alone: the previous query again)
                  \\gx                    as \\g, but forces expanded output mode

                Help
                  \\?                     show help on backslash commands

                Input/Output
                  \\copy ...              COPY with the rows below it (from stdin) or to the results (to stdout)
                  \\echo [-n] [STRING]    write string to standard output (-n for no newline)

                Informational
                  (options: S = show system objects, + = additional detail)
                  \\d[S+]                 list tables, views, and sequences
                  \\d[S+]  NAME           describe table, view, sequence, or index
                  \\dd[S]  [PATTERN]      show object descriptions not displayed elsewhere
                  \\dD[S]  [PATTERN]      list domains
                  \\df[S+] [PATTERN]      list functions
                  \\dg[S+] [PATTERN]      list your own role (with S, PostgreSQL's predefined roles too)
                  \\di[S+] [PATTERN]      list indexes
                  \\dm[S+] [PATTERN]      list materialized views
                  \\dn[S+] [PATTERN]      list schemas
                  \\dp[S]  [PATTERN]      list table, view, and sequence access privileges
                  \\ds[S+] [PATTERN]      list sequences
                  \\dt[S+] [PATTERN]      list tables
                  \\dT[S]  [PATTERN]      list data types
                  \\du[S+] [PATTERN]      list your own role (with S, PostgreSQL's predefined roles too)
                  \\dv[S+] [PATTERN]      list views
                  \\dx     [PATTERN]      list extensions
                  \\l[+]   [PATTERN]      list your own database
                  \\sf[+]  FUNCNAME       show a function's definition
                  \\sv[+]  VIEWNAME       show a view's definition
                  \\z[S]   [PATTERN]      same as \\dp

                Formatting
                  \\a                     toggle between unaligned and aligned output mode
                  \\pset [NAME [VALUE]]   set table output option
                                         (border|expanded|fieldsep|footer|format|null|tuples_only)
                  \\t [on|off]            show only rows (currently %s)
                  \\x [on|off|auto]       toggle expanded output (currently %s)

                Connection
                  \\conninfo              display information about current connection

                Operating System
                  \\timing [on|off]       toggle timing of commands (currently %s)

                Variables
                  \\set [NAME [VALUE]]    set internal variable, or list all if no parameters
                  \\unset NAME            unset (delete) internal variable"""
                .formatted(onOff(settings.print().tuplesOnly()), onOff(settings.expanded()), onOff(settings.timing()));
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
