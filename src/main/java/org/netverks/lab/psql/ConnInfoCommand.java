package org.netverks.lab.psql;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** \conninfo, worded as psql words it for the kind of host. */
final class ConnInfoCommand {

    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

    private ConnInfoCommand() {}

    static String describe(ConnectionInfo info) {
        String start = "You are connected to database \"" + info.database() + "\" as user \"" + info.user() + "\"";
        String port = " at port \"" + info.port() + "\".";
        String host = info.host();
        if (host.startsWith("/")) {
            return start + " via socket in \"" + host + "\"" + port;
        }
        String address = addressOf(host);
        return start + " on host \"" + host + "\"" + (address == null ? "" : " (address \"" + address + "\")") + port;
    }

    /**
     * psql adds the address it connected to when the host was given by name. That address is not
     * something the caller hands us, so we resolve the name the way the JDBC driver does; for
     * "localhost" that is 127.0.0.1, as psql reports it.
     */
    private static String addressOf(String host) {
        if (IP_ADDRESS.matcher(host).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
