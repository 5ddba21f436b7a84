package org.netverks.lab;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.netverks.web.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** One learner using the lab API from outside, with their own session (an HTTP client with cookies). */
public final class LabClient {

    static final String LESSON = "/api/lab/fixture/postgresql-with-python";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Http http;

    LabClient(int port) {
        this.http = new Http(port);
    }

    HttpResponse<String> runRaw(String sql) {
        return http.postJson(LESSON + "/run", JSON.writeValueAsString(java.util.Map.of("sql", sql)));
    }

    /** Runs a script that must be accepted; returns the response's JSON. */
    JsonNode run(String sql) {
        HttpResponse<String> response = runRaw(sql);
        if (response.statusCode() != 200) {
            throw new AssertionError("run answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The first result of a one-statement script. */
    JsonNode one(String sql) {
        return run(sql).get("results").get(0);
    }

    JsonNode connection() {
        HttpResponse<String> response = http.getJson(LESSON + "/connection");
        if (response.statusCode() != 200) {
            throw new AssertionError("connection answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> reset() {
        return http.postJson(LESSON + "/reset", "");
    }

    Http http() {
        return http;
    }

    static JsonNode parse(String body) {
        return JSON.readTree(body);
    }

    /** A JDBC connection made as the learner's own client would, from the lab's connection details. */
    public static Connection connect(JsonNode details) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", details.get("user").asString());
        properties.setProperty("password", details.get("password").asString());
        return DriverManager.getConnection(
                "jdbc:postgresql://" + details.get("host").asString() + ":"
                        + details.get("port").asInt() + "/"
                        + details.get("database").asString(),
                properties);
    }
}
