package it.rivendo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries hold, and the module docs in target/spring-modulith-docs are up to
 * date: Spring Modulith's PlantUML (C4) diagrams and, for docs/architecture.md, the same
 * module graph as Mermaid ({@code modules.mmd}).
 */
class ModularityTests {

	static final Path DOCS = Path.of("target", "spring-modulith-docs");

	static final String SHARED = "shared";

	ApplicationModules modules = ApplicationModules.of(RivendoApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		Files.writeString(DOCS.resolve("modules.mmd"), mermaid(modules));
	}

	/**
	 * The module graph as a Mermaid flowchart, in a stable order: a solid arrow per
	 * module a module calls or whose types it uses, a dotted one per module whose events
	 * it only listens to. Arrows to {@code shared}, which every module uses, are left
	 * out.
	 */
	static String mermaid(ApplicationModules modules) {
		StringBuilder chart = new StringBuilder("flowchart LR\n");
		modules.stream().sorted(Comparator.comparing(module -> module.getIdentifier().toString())).forEach(module -> {
			String from = module.getIdentifier().toString();
			Map<String, Set<DependencyType>> targets = new TreeMap<>();
			module.getDirectDependencies(modules)
				.stream()
				.forEach(dependency -> targets
					.computeIfAbsent(dependency.getTargetModule().getIdentifier().toString(), name -> new HashSet<>())
					.add(dependency.getDependencyType()));
			targets.remove(SHARED);
			if (targets.isEmpty()) {
				chart.append("  ").append(from).append('\n');
			}
			targets.forEach((to, types) -> chart.append("  ")
				.append(from)
				.append(onlyListens(types) ? " -.-> " : " --> ")
				.append(to)
				.append('\n'));
		});
		return chart.toString();
	}

	private static boolean onlyListens(Set<DependencyType> types) {
		return types.contains(DependencyType.EVENT_LISTENER) && !types.contains(DependencyType.USES_COMPONENT);
	}

}
