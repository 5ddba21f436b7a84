package org.netverks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A Dockerfile read as instructions per stage (continuation lines joined, comments dropped). */
record Dockerfile(List<Stage> stages) {

    record Instruction(String keyword, String arguments) {}

    record Stage(String image, List<Instruction> instructions) {
        List<String> all(String keyword) {
            return instructions.stream()
                    .filter(i -> i.keyword().equals(keyword))
                    .map(Instruction::arguments)
                    .toList();
        }

        /** The user the stage's later instructions and its container run as. */
        String user() {
            List<String> users = all("USER");
            return users.isEmpty() ? null : users.get(users.size() - 1);
        }
    }

    static Dockerfile read(Path file) {
        String text = DeployFiles.read(file).replaceAll("\\\\\\n(\\s*#[^\\n]*\\n)*", " ");
        Map<String, String> args = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("FROM")) {
                String image = arguments.split("\\s+")[0];
                for (Map.Entry<String, String> arg : args.entrySet()) {
                    image = image.replace("${" + arg.getKey() + "}", arg.getValue());
                }
                stages.add(new Stage(image, new ArrayList<>()));
            } else if (stages.isEmpty() && keyword.equals("ARG")) {
                String[] pair = arguments.split("=", 2);
                args.put(pair[0], pair.length > 1 ? pair[1] : "");
            } else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
            }
        }
        return new Dockerfile(stages);
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }

    String finalStage(String keyword) {
        return String.join("\n", last().all(keyword));
    }

    /** The numeric user id the image runs as ("10001" from USER 10001:10001). */
    String finalUid() {
        String user = last().user();
        return user == null ? "0" : user.split(":")[0];
    }
}
