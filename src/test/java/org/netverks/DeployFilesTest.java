package org.netverks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netverks.DeployFiles.asMap;
import static org.netverks.DeployFiles.containers;
import static org.netverks.DeployFiles.list;
import static org.netverks.DeployFiles.map;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What an operator deploys (deploy/: Dockerfile, compose.yaml, the kustomize overlays) holds
 * together with the app: images cannot be built nor clusters started here, so the files are checked
 * as rendered text. Kubernetes: the example overlay as {@code kubectl kustomize} renders it.
 */
class DeployFilesTest {

    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";
    private static final Pattern CNPG_SECRET = Pattern.compile("(.+)-(app|superuser)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final DeployFiles.Kubernetes k8s = DeployFiles.kubernetes();
    private static final String MAKE_CDS_APP = "make-cds-app.sh";

    private final Dockerfile dockerfile = Dockerfile.read(DeployFiles.DEPLOY.resolve("Dockerfile"));

    // --- Kubernetes ---------------------------------------------------------------------------

    @Test
    void theOverlayHasTheAppAndItsPostgresqlClusters() {
        for (String kind : List.of("Deployment", "Service", "Ingress", "PodDisruptionBudget", "ConfigMap")) {
            assertThat(k8s.ofKind(kind)).as(kind).hasSize(1);
        }
        List<Map<String, Object>> clusters = k8s.ofKind("Cluster");
        assertThat(clusters).allSatisfy(c -> assertThat(c.get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1"));
        assertThat(clusters)
                .extracting(c -> map(c, "metadata").get("name"))
                .containsExactlyInAnyOrder("platform-db", "sandbox-a", "sandbox-b");
        assertThat(clusters)
                .filteredOn(c -> !Boolean.TRUE.equals(map(c, "spec").get("enableSuperuserAccess")))
                .extracting(c -> map(c, "metadata").get("name"))
                .as("only the sandbox servers are reached as a superuser")
                .containsExactly("platform-db");
        if (k8s.renderedByKubectl()) {
            Map<String, Object> ingress = k8s.one("Ingress");
            assertThat(asMap(list(map(ingress, "spec"), "rules").get(0)).get("host"))
                    .isEqualTo("learn.example.org");
            assertThat(map(k8s.one("Deployment"), "metadata").get("namespace")).isEqualTo("learn-netverks");
        }
    }

    @Test
    void probesAskTheActuatorsHealthGroupsOnThePortItServes() {
        Map<String, Object> app = appContainer();
        assertThat(probePath(app, "startupProbe")).isEqualTo(LIVENESS);
        assertThat(probePath(app, "livenessProbe")).isEqualTo(LIVENESS);
        assertThat(probePath(app, "readinessProbe")).isEqualTo(READINESS);
        // health is on the management port when one is set (README, "Metrics for the operator")
        Map<String, String> settings = settingsOf(app);
        int served = Integer.parseInt(
                settings.getOrDefault("MANAGEMENT_SERVER_PORT", settings.getOrDefault("SERVER_PORT", "8080")));
        Map<Object, Object> portsByName = new LinkedHashMap<>();
        for (Object port : list(app, "ports")) {
            portsByName.put(asMap(port).get("name"), asMap(port).get("containerPort"));
        }
        assertThat(portsByName).containsEntry("http", 8080);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Object port = map(map(app, probe), "httpGet").get("port");
            assertThat(portsByName.getOrDefault(port, port)).as(probe).isEqualTo(served);
        }
        // the app serves those paths: probes enabled, health exposed, no other base path
        String properties = DeployFiles.read(Path.of("src/main/resources/application.properties"));
        assertThat(properties)
                .contains("management.endpoint.health.probes.enabled=true")
                .containsPattern("management.endpoints.web.exposure.include=\\$\\{NETVERKS_ACTUATOR_ENDPOINTS:health")
                .doesNotContain("management.endpoints.web.base-path")
                .doesNotContain("management.server.port");
        assertThat(settings.getOrDefault("NETVERKS_ACTUATOR_ENDPOINTS", "health")
                        .split(","))
                .contains("health");
        // metrics stay private: a management port is in no Service
        if (settings.containsKey("MANAGEMENT_SERVER_PORT")) {
            for (Object port : list(map(k8s.one("Service"), "spec"), "ports")) {
                Object target = asMap(port).get("targetPort");
                assertThat(portsByName.getOrDefault(target, target)).isNotEqualTo(served);
            }
        }
    }

    @Test
    void theDisruptionBudgetSelectsTheAppsPodsAndLeavesRoomToDrain() {
        Map<String, Object> deployment = k8s.one("Deployment");
        Map<String, Object> podLabels = map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels");
        Map<String, Object> budget = map(k8s.one("PodDisruptionBudget"), "spec");
        Map<String, Object> selected = map(map(budget, "selector"), "matchLabels");
        assertThat(selected).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(selected);
        assertThat(map(map(map(deployment, "spec"), "selector"), "matchLabels")).isEqualTo(selected);
        assertThat((Integer) map(deployment, "spec").get("replicas"))
                .as("replicas must exceed minAvailable, or no node can ever be drained")
                .isGreaterThan((Integer) budget.get("minAvailable"));
        Map<String, Object> service = map(k8s.one("Service"), "spec");
        assertThat(podLabels).containsAllEntriesOf(map(service, "selector"));
    }

    @Test
    void theAppContainerSetsOnlySettingsTheAppKnows() {
        Map<String, Object> app = appContainer();
        Map<String, String> settings = settingsOf(app);
        Set<String> helpers = secretHelpers(app);
        List<String> settingNames = new ArrayList<>(settings.keySet());
        settingNames.removeAll(helpers);
        assertThat(settingNames).contains("SPRING_DATASOURCE_URL", "NETVERKS_LAB_SERVERS", "NETVERKS_PUBLIC_URL");
        assertThat(DeployFiles.unknownSettings(settingNames))
                .as("set in the Deployment but not in README's settings table nor application.properties")
                .isEmpty();
        assertThat(helpers).as("the sandbox servers' credentials").isNotEmpty();
    }

    @Test
    void theSettingsCheckTellsAKnownSettingFromATypo() {
        assertThat(DeployFiles.unknownSettings(List.of(
                        "NETVERKS_LAB_PUBLICHOST", // NETVERKS_LAB_* row, LabProperties.publicHost
                        "SPRING_DATASOURCE_USERNAME", // "(+ `_USERNAME`, …)"
                        "NETVERKS_DATA_DIR", // application.properties
                        "NETVERKS_LAB_PUBLIC_HOST",
                        "NETVERKS_LAB_NOSUCHLIMIT",
                        "SPRING_DATASOURCE_PASSWD")))
                .containsExactly("NETVERKS_LAB_PUBLIC_HOST", "NETVERKS_LAB_NOSUCHLIMIT", "SPRING_DATASOURCE_PASSWD");
    }

    @Test
    void secretsComeFromTheSecretsCloudNativePgGenerates() {
        Set<String> superuserClusters = new LinkedHashSet<>();
        Set<String> clusters = new LinkedHashSet<>();
        for (Map<String, Object> cluster : k8s.ofKind("Cluster")) {
            String name = (String) map(cluster, "metadata").get("name");
            clusters.add(name);
            if (Boolean.TRUE.equals(map(cluster, "spec").get("enableSuperuserAccess"))) {
                superuserClusters.add(name);
            }
        }
        int references = 0;
        for (Object entry : list(appContainer(), "env")) {
            Map<String, Object> secret = map(map(asMap(entry), "valueFrom"), "secretKeyRef");
            if (secret.isEmpty()) {
                // literal values carry no credential: a password in a URL only as a $(REFERENCE)
                String literal = REFERENCE
                        .matcher(String.valueOf(asMap(entry).get("value")))
                        .replaceAll("");
                assertThat(literal).as("%s", asMap(entry).get("name")).doesNotContainPattern("//[^/@]*:[^/@]+@");
                assertThat((String) asMap(entry).get("name")).doesNotContainPattern("PASSWORD|SECRET");
                continue;
            }
            references++;
            Matcher generated = CNPG_SECRET.matcher((String) secret.get("name"));
            assertThat(generated.matches()).as("secret %s", secret.get("name")).isTrue();
            assertThat(clusters).contains(generated.group(1));
            if (generated.group(2).equals("superuser")) {
                assertThat(superuserClusters).contains(generated.group(1));
            }
            assertThat(secret.get("key")).isIn("username", "password");
        }
        assertThat(references).isEqualTo(6);
        Map<String, Object> platform = k8s.named("Cluster", "platform-db");
        Map<String, Object> initdb = map(map(map(platform, "spec"), "bootstrap"), "initdb");
        assertThat(settingsOf(appContainer()).get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://platform-db-rw:5432/" + initdb.get("database"));
    }

    @Test
    void theImageIsTheOverlaysAndRunsAsTheDockerfilesUnprivilegedUser() {
        Map<String, Object> overlay = DeployFiles.loadOne(DeployFiles.OVERLAY.resolve("kustomization.yaml"));
        Map<String, Object> image = asMap(list(overlay, "images").get(0));
        assertThat(containers(k8s.one("Deployment")))
                .extracting(c -> c.get("image"))
                .containsOnly(image.get("newName") + ":" + image.get("newTag"));
        assertThat(image.get("newTag")).isNotEqualTo("latest");

        Map<String, Object> pod = map(map(map(k8s.one("Deployment"), "spec"), "template"), "spec");
        Map<String, Object> podSecurity = map(pod, "securityContext");
        assertThat(podSecurity.get("runAsNonRoot")).isEqualTo(true);
        assertThat(String.valueOf(podSecurity.get("runAsUser"))).isEqualTo(dockerfile.finalUid());
        Map<String, Object> app = appContainer();
        Map<String, Object> security = map(app, "securityContext");
        assertThat(security.get("allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(security.get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(list(map(security, "capabilities"), "drop")).contains("ALL");
        // a read-only root file system: Tomcat and the JVM write to /tmp, an emptyDir
        Map<String, Object> tmp = list(app, "volumeMounts").stream()
                .map(DeployFiles::asMap)
                .filter(m -> "/tmp".equals(m.get("mountPath")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume at /tmp"));
        assertThat(list(pod, "volumes"))
                .map(DeployFiles::asMap)
                .filteredOn(v -> tmp.get("name").equals(v.get("name")))
                .singleElement()
                .satisfies(v -> assertThat(v).containsKey("emptyDir"));
        assertThat(map(map(app, "resources"), "limits")).containsKey("memory");
    }

    @Test
    void theIngressKeepsALearnerOnOnePod() {
        Map<String, Object> annotations = map(map(k8s.one("Ingress"), "metadata"), "annotations");
        assertThat(annotations)
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsEntry("nginx.ingress.kubernetes.io/affinity-mode", "persistent")
                .containsKey("nginx.ingress.kubernetes.io/session-cookie-name");
        Map<String, Object> serviceAnnotations = map(map(k8s.one("Service"), "metadata"), "annotations");
        assertThat(serviceAnnotations)
                .containsEntry("traefik.ingress.kubernetes.io/service.sticky.cookie", "true")
                .containsEntry(
                        "traefik.ingress.kubernetes.io/service.sticky.cookie.name",
                        annotations.get("nginx.ingress.kubernetes.io/session-cookie-name"));
    }

    // --- compose --------------------------------------------------------------------------------

    @Test
    void composeRunsALoadBalancerTwoAppInstancesAndThreePostgresqlServers() {
        Map<String, Object> services = map(DeployFiles.compose(), "services");
        List<String> apps = appServices(services);
        assertThat(apps).hasSizeGreaterThanOrEqualTo(2);
        assertThat(apps)
                .extracting(a -> map(services, a).get("image"))
                .containsOnly(map(services, apps.get(0)).get("image"));
        assertThat(String.valueOf(map(services, "load-balancer").get("image"))).startsWith("nginx:");
        List<String> databases = postgresServices(services);
        assertThat(databases).containsExactlyInAnyOrder("platform-db", "sandbox-a", "sandbox-b");
        assertThat(databases)
                .allSatisfy(d -> assertThat(map(services, d).get("image")).isEqualTo("postgres:17"));

        Map<String, Object> volumes = map(DeployFiles.compose(), "volumes");
        for (String database : databases) {
            List<Object> mounts = list(map(services, database), "volumes");
            assertThat(mounts).as(database).hasSize(1);
            String volume = mounts.get(0).toString().split(":")[0];
            assertThat(volumes)
                    .as("%s keeps its data in a named volume", database)
                    .containsKey(volume);
        }
    }

    @Test
    void composeWaitsForHealthyServicesAndEveryServiceHasAHealthCheck() {
        Map<String, Object> services = map(DeployFiles.compose(), "services");
        for (String name : services.keySet()) {
            boolean builtFromOurImage = appServices(services).contains(name);
            assertThat(map(map(services, name), "healthcheck").containsKey("test") || builtFromOurImage)
                    .as("%s has a health check", name)
                    .isTrue();
        }
        assertThat(dockerfile.finalStage("HEALTHCHECK")).contains(LIVENESS);
        Map<String, Object> balancerNeeds = map(map(services, "load-balancer"), "depends_on");
        for (String app : appServices(services)) {
            assertThat(map(balancerNeeds, app)).containsEntry("condition", "service_healthy");
            Map<String, Object> appNeeds = map(map(services, app), "depends_on");
            for (String database : postgresServices(services)) {
                assertThat(map(appNeeds, database)).as(app).containsEntry("condition", "service_healthy");
            }
        }
    }

    @Test
    void theLoadBalancerHashesOnACookieOverEveryAppInstance() {
        Map<String, Object> services = map(DeployFiles.compose(), "services");
        String mount = list(map(services, "load-balancer"), "volumes").get(0).toString();
        String config = DeployFiles.read(DeployFiles.DEPLOY.resolve(mount.split(":")[0]));
        Matcher hash = Pattern.compile("hash \\$(\\w+) consistent;").matcher(config);
        assertThat(hash.find()).as("hash ... consistent in the upstream").isTrue();
        assertThat(config).containsPattern("map \\$cookie_(\\w+) \\$" + hash.group(1) + " \\{");
        Matcher upstream = Pattern.compile("server ([\\w-]+):8080").matcher(config);
        List<String> targets = new ArrayList<>();
        while (upstream.find()) {
            targets.add(upstream.group(1));
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(appServices(services));
        assertThat(config).contains("add_header Set-Cookie");
    }

    @Test
    void composeSetsOnlyKnownSettingsAndTakesEverySecretFromTheEnvironment() {
        Map<String, Object> services = map(DeployFiles.compose(), "services");
        Map<String, Object> environment =
                map(map(services, appServices(services).get(0)), "environment");
        assertThat(DeployFiles.unknownSettings(environment.keySet())).isEmpty();
        Pattern required = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]*}");
        assertThat(String.valueOf(environment.get("SPRING_DATASOURCE_PASSWORD")))
                .matches(required);
        String servers = String.valueOf(environment.get("NETVERKS_LAB_SERVERS"));
        assertThat(servers.replaceAll(required.pattern(), "")).doesNotContainPattern("postgres:[^@]+@");

        Map<String, String> example = envFile(DeployFiles.DEPLOY.resolve(".env.example"));
        String compose = DeployFiles.read(DeployFiles.DEPLOY.resolve("compose.yaml"));
        Matcher needed = required.matcher(compose);
        int secrets = 0;
        while (needed.find()) {
            assertThat(example).as(".env.example names %s", needed.group(1)).containsKey(needed.group(1));
            if (needed.group(1).endsWith("PASSWORD")) {
                secrets++;
                assertThat(example.get(needed.group(1)))
                        .as("no real secret committed")
                        .isEqualTo("change-me");
            }
        }
        assertThat(secrets).isGreaterThanOrEqualTo(3);
        assertThat(DeployFiles.read(Path.of(".gitignore"))).contains("deploy/.env");
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Assumptions.assumeTrue(
                run(List.of("docker", "compose", "version")) == 0,
                "docker compose (v2) is not installed here: compose.yaml is checked as YAML only");
        assertThat(run(List.of(
                        "docker",
                        "compose",
                        "--env-file",
                        "deploy/.env.example",
                        "-f",
                        "deploy/compose.yaml",
                        "config",
                        "--quiet")))
                .isZero();
    }

    // --- Dockerfile ---------------------------------------------------------------------------

    @Test
    void theDockerfileBuildsWithTheWrapperAndRunsOnAJreAsAnUnprivilegedUser() {
        assertThat(dockerfile.stages()).hasSizeGreaterThanOrEqualTo(2);
        Dockerfile.Stage build = dockerfile.stages().get(0);
        assertThat(build.image()).startsWith("eclipse-temurin:17-jdk");
        assertThat(build.all("RUN"))
                .anySatisfy(run -> assertThat(run).contains("./mvnw").contains("package"));
        Dockerfile.Stage last = dockerfile.last();
        // built on the source level's Java, run on Java 25 for its AOT cache (docs/operations.md, "Start")
        assertThat(last.image()).startsWith("eclipse-temurin:25-jre");
        assertThat(dockerfile.finalUid()).isNotEqualTo("0").matches("[1-9][0-9]*");
        assertThat(last.all("EXPOSE")).containsExactly("8080");
        // curl ships with the Temurin images; the health check asks the liveness group
        assertThat(last.all("HEALTHCHECK")).singleElement().asString().contains("curl", LIVENESS);
        String dataDir = last.all("ENV").stream()
                .filter(env -> env.startsWith("NETVERKS_DATA_DIR="))
                .map(env -> env.substring("NETVERKS_DATA_DIR=".length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ENV NETVERKS_DATA_DIR"));
        assertThat(last.all("VOLUME")).containsExactly(dataDir);
        assertThat(DeployFiles.read(Path.of(".dockerignore"))).contains("target/", "data/");
    }

    @Test
    void theDockerfileMakesItsAotCacheWithTheProjectsScriptOnTheRuntimeJvm() {
        Dockerfile.Stage training = dockerfile.stages().stream()
                .filter(stage -> stage.all("RUN").stream().anyMatch(run -> run.contains(MAKE_CDS_APP)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no RUN of " + MAKE_CDS_APP));
        // the script and the one it runs beside it
        assertThat(training.all("COPY"))
                .anySatisfy(copy -> assertThat(copy).contains("bin/" + MAKE_CDS_APP, "bin/visit-first-pages.sh"));
        String run = training.all("RUN").stream()
                .filter(r -> r.contains(MAKE_CDS_APP))
                .findFirst()
                .orElseThrow();
        // make-cds-app.sh JAR DESTINATION
        Matcher arguments = Pattern.compile(Pattern.quote(MAKE_CDS_APP) + "\\s+(\\S+)\\s+(\\S+)")
                .matcher(run);
        assertThat(arguments.find()).as(run).isTrue();
        String jarName = Path.of(arguments.group(1)).getFileName().toString();
        // a cache is valid only for the JVM that wrote it, from the same directory and class path
        Dockerfile.Stage last = dockerfile.last();
        assertThat(training.image()).isEqualTo(last.image());
        assertThat(training.all("WORKDIR")).containsExactly(arguments.group(2));
        assertThat(last.all("WORKDIR")).containsExactly(arguments.group(2));
        assertThat(last.all("COPY")).anySatisfy(copy -> assertThat(copy).contains(arguments.group(2)));
        assertThat(training.user()).isNotIn(null, "0", "root");
        // on Java 25 the script writes app.aot, which the entrypoint reads, with the same jar
        String script = DeployFiles.read(Path.of("bin", MAKE_CDS_APP));
        assertThat(script).contains("ARCHIVE=app.aot", "-XX:AOTCacheOutput=$ARCHIVE");
        String entrypoint = last.all("ENTRYPOINT").get(0);
        assertThat(entrypoint).contains("-XX:AOTCache=app.aot", "\"-jar\", \"" + jarName + "\"");
    }

    @Test
    void theDockerfileHoldsNoSecrets() {
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            for (String keyword : List.of("ENV", "ARG", "LABEL")) {
                assertThat(stage.all(keyword)).allSatisfy(value -> assertThat(value.split("=", 2)[0])
                        .doesNotContainPattern("(?i)password|secret|token|credential|_key"));
            }
        }
        assertThat(DeployFiles.read(DeployFiles.DEPLOY.resolve("Dockerfile"))).doesNotContainPattern("(?i)password=");
    }

    // --- helpers --------------------------------------------------------------------------------

    private Map<String, Object> appContainer() {
        List<Map<String, Object>> containers = containers(k8s.one("Deployment"));
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return (String) map(map(container, probe), "httpGet").get("path");
    }

    /** Every variable the container gets: its env list and the ConfigMaps it takes whole. */
    private Map<String, String> settingsOf(Map<String, Object> container) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Object source : list(container, "envFrom")) {
            String name = (String) map(asMap(source), "configMapRef").get("name");
            map(k8s.named("ConfigMap", name), "data").forEach((key, value) -> settings.put(key, String.valueOf(value)));
        }
        for (Object entry : list(container, "env")) {
            settings.put(
                    (String) asMap(entry).get("name"),
                    String.valueOf(asMap(entry).get("value")));
        }
        return settings;
    }

    /** Variables that only feed other variables through $(NAME): each must come from a secret. */
    private static Set<String> secretHelpers(Map<String, Object> container) {
        Set<String> referenced = new LinkedHashSet<>();
        for (Object entry : list(container, "env")) {
            Matcher reference = REFERENCE.matcher(String.valueOf(asMap(entry).get("value")));
            while (reference.find()) {
                referenced.add(reference.group(1));
            }
        }
        for (Object entry : list(container, "env")) {
            if (referenced.contains(asMap(entry).get("name"))) {
                assertThat(map(map(asMap(entry), "valueFrom"), "secretKeyRef"))
                        .as("%s", asMap(entry).get("name"))
                        .isNotEmpty();
            }
        }
        return referenced;
    }

    private static List<String> appServices(Map<String, Object> services) {
        return services.keySet().stream()
                .filter(name -> "deploy/Dockerfile"
                        .equals(map(map(services, name), "build").get("dockerfile")))
                .toList();
    }

    private static List<String> postgresServices(Map<String, Object> services) {
        return services.keySet().stream()
                .filter(name -> String.valueOf(map(services, name).get("image")).startsWith("postgres:"))
                .toList();
    }

    private static Map<String, String> envFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : DeployFiles.read(file).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] pair = line.split("=", 2);
                values.put(pair[0].strip(), pair.length > 1 ? pair[1].strip() : "");
            }
        }
        return values;
    }

    private static int run(List<String> command) throws InterruptedException {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            if (process.exitValue() != 0) {
                System.out.println(String.join(" ", command) + ":\n" + output);
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1; // not installed
        }
    }
}
