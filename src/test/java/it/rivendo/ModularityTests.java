package it.rivendo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries hold (each module's package-info lists the modules it may use), the
 * diagram in docs/architecture.md is the code's, and the module docs in
 * target/spring-modulith-docs are up to date: Spring Modulith's PlantUML (C4) diagrams
 * and the same module graph as Mermaid ({@code modules.mmd}).
 */
class ModularityTests {

	static final Path DOCS = Path.of("target", "spring-modulith-docs");

	static final String SHARED = "shared";

	/**
	 * The shop's modules, imported once per JVM (3.1 to 3.5 s with the module model).
	 * JUnit makes an instance per test; an instance field was one import too, since
	 * Spring Modulith keeps what {@code of} answered, but static says so without relying
	 * on it.
	 */
	static final ApplicationModules MODULES = ApplicationModules.of(RivendoApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		Files.writeString(DOCS.resolve("modules.mmd"), mermaid(MODULES));
	}

	/**
	 * The diagram committed in docs/architecture.md is the graph the code has. After a
	 * change of dependencies, copy target/spring-modulith-docs/modules.mmd into it (and
	 * the .puml files next to it into docs/modules).
	 */
	@Test
	void theCommittedModuleDiagramIsTheCodes() throws IOException {
		String architecture = Files.readString(Path.of("docs", "architecture.md"));
		Matcher chart = Pattern.compile("```mermaid\n(.*?)```", Pattern.DOTALL).matcher(architecture);
		assertThat(chart.find()).as("a mermaid chart in docs/architecture.md").isTrue();
		assertThat(chart.group(1))
			.as("the module diagram in docs/architecture.md; the code's is in target/spring-modulith-docs/modules.mmd")
			.isEqualTo(mermaid(MODULES));
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
