package org.netverks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files under {@code deploy/} as the tests read them: the Kubernetes manifests rendered by
 * {@code kubectl kustomize} (or, where kubectl is missing, the raw files with the overlay's image,
 * replicas and settings applied by hand), the compose file, the nginx configuration and the
 * Dockerfile; and which environment variables the app knows.
 */
public final class DeployFiles {

    public static final Path DEPLOY = Path.of("deploy");
    public static final Path OVERLAY = DEPLOY.resolve("k8s/overlays/example");
    private static final Path BASE = DEPLOY.resolve("k8s/base");

    private DeployFiles() {}

    /** The Kubernetes objects of the example overlay, and whether kustomize itself rendered them. */
    public record Kubernetes(List<Map<String, Object>> objects, boolean renderedByKubectl) {

        public List<Map<String, Object>> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }

        public Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = ofKind(kind);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind + ", found " + found.size());
            }
            return found.get(0);
        }

        public Map<String, Object> named(String kind, String name) {
            return ofKind(kind).stream()
                    .filter(o -> name.equals(map(o, "metadata").get("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
        }
    }

    private static Kubernetes kubernetes;

    /** Rendered once per test JVM: kubectl takes a moment. */
    public static synchronized Kubernetes kubernetes() {
        if (kubernetes == null) {
            String rendered = kubectlKustomize(OVERLAY);
            kubernetes = rendered != null
                    ? new Kubernetes(loadAll(rendered), true)
                    : new Kubernetes(rawWithOverlay(), false);
        }
        return kubernetes;
    }

    /** The output of {@code kubectl kustomize}, or null when there is no kubectl on the PATH. */
    private static String kubectlKustomize(Path directory) {
        Process process;
        try {
            // -Dnetverks.kubectl=none: check the raw files as where kubectl is missing
            process = new ProcessBuilder(
                            System.getProperty("netverks.kubectl", "kubectl"), "kustomize", directory.toString())
                    .redirectErrorStream(false)
                    .start();
        } catch (IOException e) {
            return null; // not installed here: the caller checks the raw files instead
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + directory, e);
        }
    }

    /**
     * Without kubectl: the base's resources plus the overlay's own, its image, replica count and
     * settings applied the way kustomize applies them (no name suffixes, no namespace).
     */
    private static List<Map<String, Object>> rawWithOverlay() {
        Map<String, Object> base = loadOne(BASE.resolve("kustomization.yaml"));
        Map<String, Object> overlay = loadOne(OVERLAY.resolve("kustomization.yaml"));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object resource : list(overlay, "resources")) {
            if (!resource.toString().startsWith("..")) {
                objects.addAll(loadAll(read(OVERLAY.resolve(resource.toString()))));
            }
        }
        for (Object resource : list(base, "resources")) {
            objects.addAll(loadAll(read(BASE.resolve(resource.toString()))));
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Map<String, Object> kustomization : List.of(base, overlay)) {
            for (Object generator : list(kustomization, "configMapGenerator")) {
                for (Object literal : list(asMap(generator), "literals")) {
                    String[] pair = literal.toString().split("=", 2);
                    settings.put(pair[0], pair[1]);
                }
            }
        }
        objects.add(Map.of(
                "kind",
                "ConfigMap",
                "metadata",
                Map.of("name", asMap(list(base, "configMapGenerator").get(0)).get("name")),
                "data",
                settings));
        for (Map<String, Object> deployment : objects) {
            if (!"Deployment".equals(deployment.get("kind"))) {
                continue;
            }
            for (Object replicas : list(overlay, "replicas")) {
                if (asMap(replicas)
                        .get("name")
                        .equals(map(deployment, "metadata").get("name"))) {
                    map(deployment, "spec").put("replicas", asMap(replicas).get("count"));
                }
            }
            for (Map<String, Object> container : containers(deployment)) {
                for (Object image : list(overlay, "images")) {
                    Map<String, Object> rule = asMap(image);
                    if (rule.get("name").equals(container.get("image"))) {
                        container.put("image", rule.get("newName") + ":" + rule.get("newTag"));
                    }
                }
            }
        }
        return objects;
    }

    public static List<Map<String, Object>> containers(Map<String, Object> workload) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Object container : list(map(map(map(workload, "spec"), "template"), "spec"), "containers")) {
            containers.add(asMap(container));
        }
        return containers;
    }

    public static Map<String, Object> compose() {
        return loadOne(DEPLOY.resolve("compose.yaml"));
    }

    // --- what the app knows -------------------------------------------------------------------

    private static final Pattern BACKTICKED = Pattern.compile("`([A-Z_][A-Z0-9_]*\\*?)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    /**
     * The names in {@code names} that are not settings of the app: a variable is known when the
     * README's settings table names it (a {@code PREFIX_*} row only for names that bind to one of the
     * app's own {@code @ConfigurationProperties}), or application.properties reads it.
     */
    public static List<String> unknownSettings(Collection<String> names) {
        Set<String> documented = new HashSet<>();
        List<String> documentedPrefixes = new ArrayList<>();
        for (String line : read(Path.of("README.md")).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String first = null;
            Matcher tokens = BACKTICKED.matcher(line);
            while (tokens.find()) {
                String token = tokens.group(1);
                if (token.endsWith("*")) {
                    documentedPrefixes.add(token.substring(0, token.length() - 1));
                } else if (token.startsWith("_") && first != null) {
                    // "`SPRING_DATASOURCE_URL` (+ `_USERNAME`, `_PASSWORD`)"
                    documented.add(first.substring(0, first.lastIndexOf('_')) + token);
                } else {
                    documented.add(token);
                    first = first == null ? token : first;
                }
            }
        }
        Matcher placeholders = PLACEHOLDER.matcher(read(Path.of("src/main/resources/application.properties")));
        while (placeholders.find()) {
            documented.add(placeholders.group(1));
        }
        Set<String> bound = appPropertiesRelaxed();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            boolean byPrefix = documentedPrefixes.stream().anyMatch(name::startsWith)
                    && bound.contains(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
            if (!documented.contains(name) && !byPrefix) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /**
     * Every property of the app's own {@code @ConfigurationProperties} records, in the form an
     * environment variable binds to ({@code netverks.lab.publichost} for NETVERKS_LAB_PUBLICHOST).
     */
    private static Set<String> appPropertiesRelaxed() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> properties = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.netverks")) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = (annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix())
                    .replace("-", "")
                    .toLowerCase(java.util.Locale.ROOT);
            if (type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    properties.add(prefix + "." + component.getName().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return properties;
    }

    // --- YAML and files -----------------------------------------------------------------------

    public static List<Map<String, Object>> loadAll(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document != null) {
                documents.add(asMap(document));
            }
        }
        return documents;
    }

    public static Map<String, Object> loadOne(Path file) {
        List<Map<String, Object>> documents = loadAll(read(file));
        if (documents.size() != 1) {
            throw new AssertionError(file + ": expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    /** The mapping under {@code key}, empty when absent. */
    public static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? new LinkedHashMap<>() : asMap(value);
    }

    /** The list under {@code key}, empty when absent. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new AssertionError("expected a list under " + key + ", found " + value);
        }
        return (List<Object>) value;
    }
}
