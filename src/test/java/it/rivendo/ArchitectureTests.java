package it.rivendo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rules on the shape of the code that the module boundaries ({@link ModularityTests}) do
 * not cover, kept by the build: domain code never uses web code; JPA entities and Spring
 * Data repositories stay inside their module; pages neither touch them nor write SQL;
 * controllers and their forms are pages of their module's {@code web} package, and staff
 * pages say so in their name. Each rule names the classes that break it. See
 * docs/architecture.md.
 */
class ArchitectureTests {

	static final JavaClasses SHOP = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackagesOf(RivendoApplication.class);

	static final String ROOT = RivendoApplication.class.getPackageName();

	@Test
	void domainCodeNeverUsesWebCode() {
		noClasses().that()
			.resideOutsideOfPackage("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + "..web..")
			.because("pages call the domain, never the other way round: a domain class that needs something from "
					+ "a page (a session rule, a form) takes it as a parameter or the rule moves to the domain")
			.check(SHOP);
	}

	@Test
	void entitiesAndRepositoriesLiveInTheirModulesInternalPackage() {
		classes().that(areEntitiesOrRepositories())
			.should()
			.resideInAPackage(ROOT + ".*.internal..")
			.because("a module's stored state is its own: other modules go through its API")
			.check(SHOP);
	}

	@Test
	void entitiesAndRepositoriesAreUsedByTheirOwnModuleOnly() {
		classes().that(areEntitiesOrRepositories())
			.should(beUsedOnlyFromTheirOwnModule())
			.because("a module's stored state is its own: other modules go through its API")
			.check(SHOP);
	}

	@Test
	void pagesNeverTouchEntitiesOrRepositories() {
		noClasses().that()
			.resideInAPackage("..web..")
			.should()
			.dependOnClassesThat(areEntitiesOrRepositories())
			.because("a page reads views and writes through its module's API; forms bind to *Form, never to entities")
			.check(SHOP);
	}

	@Test
	void pagesNeverWriteSql() {
		noClasses().that()
			.resideInAPackage("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.jdbc..")
			.because("SQL belongs to the module's read models and the few statements that earn it, not to a page")
			.check(SHOP);
	}

	@Test
	void formsLiveInAWebPackage() {
		classes().that()
			.haveSimpleNameEndingWith("Form")
			.should()
			.resideInAPackage("..web")
			.because("a *Form is what a page binds; the domain takes the form's values, never the form")
			.check(SHOP);
	}

	@Test
	void controllersAreNamedControllerAndLiveInAWebPackage() {
		classes().that(areControllers())
			.should()
			.haveSimpleNameEndingWith("Controller")
			.andShould()
			.resideInAPackage("..web")
			.because("a module's pages live in its web package")
			.check(SHOP);
	}

	@Test
	void staffControllersAreNamedAdmin() {
		classes().that(areControllers())
			.and(serveAnAdminPage())
			.should()
			.haveSimpleNameStartingWith("Admin")
			.because("staff pages (/admin/**) are named Admin*Controller, so a reader sees who uses a page")
			.check(SHOP);
	}

	@Test
	void adminControllersServeOnlyStaffPages() {
		classes().that(areControllers())
			.and()
			.haveSimpleNameStartingWith("Admin")
			.should(serveOnlyAdminPages())
			.because("an Admin*Controller is behind the staff role (/admin/**); a reseller page belongs elsewhere")
			.check(SHOP);
	}

	private static DescribedPredicate<JavaClass> areEntitiesOrRepositories() {
		return DescribedPredicate.describe("JPA entities or Spring Data repositories",
				type -> type.isAnnotatedWith(Entity.class) || type.isAssignableTo(Repository.class));
	}

	private static DescribedPredicate<JavaClass> areControllers() {
		return DescribedPredicate.describe("controllers",
				type -> type.isAnnotatedWith(Controller.class) || type.isAnnotatedWith(RestController.class));
	}

	private static DescribedPredicate<JavaClass> serveAnAdminPage() {
		return DescribedPredicate.describe("serve a page under /admin",
				type -> paths(type).anyMatch(ArchitectureTests::isAdminPath));
	}

	private static ArchCondition<JavaClass> serveOnlyAdminPages() {
		return new ArchCondition<>("serve only pages under /admin") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				paths(type).filter(path -> !isAdminPath(path))
					.forEach(path -> events.add(SimpleConditionEvent.violated(type,
							type.getName() + " serves " + path + ", which is not a staff page")));
			}
		};
	}

	private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnModule() {
		return new ArchCondition<>("be used only from their own module") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				String module = moduleOf(type);
				type.getDirectDependenciesToSelf()
					.stream()
					.filter(dependency -> !moduleOf(dependency.getOriginClass()).equals(module))
					.forEach(dependency -> events
						.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
			}
		};
	}

	/**
	 * The module of a class: the first package below the application's, e.g.
	 * {@code services}.
	 */
	private static String moduleOf(JavaClass type) {
		String name = type.getPackageName() + ".";
		String root = ROOT + ".";
		if (!name.startsWith(root) || name.equals(root)) {
			return name;
		}
		return name.substring(root.length(), name.indexOf('.', root.length()));
	}

	/**
	 * The paths a controller maps, class-level prefix included: {@code @RequestMapping}
	 * and its composed forms ({@code @GetMapping}, {@code @PostMapping}...) on the class
	 * and its methods.
	 */
	private static Stream<String> paths(JavaClass type) {
		String[] prefixes = mappedPaths(type.getAnnotations().stream()).toArray(String[]::new);
		Stream<String> methods = type.getMethods()
			.stream()
			.map(JavaMember::getAnnotations)
			.flatMap(annotations -> mappedPaths(annotations.stream()));
		if (prefixes.length == 0) {
			return methods;
		}
		return methods.flatMap(path -> Arrays.stream(prefixes).map(prefix -> prefix + path));
	}

	/**
	 * The paths of each mapping annotation; "" for one without a path (the class-level
	 * prefix alone).
	 */
	private static Stream<String> mappedPaths(Stream<? extends JavaAnnotation<?>> annotations) {
		return annotations
			.filter(annotation -> annotation.getRawType().isAnnotatedWith(RequestMapping.class)
					|| annotation.getRawType().isEquivalentTo(RequestMapping.class))
			.flatMap(annotation -> {
				String[] paths = Stream.of("value", "path")
					.flatMap(attribute -> annotation.get(attribute).stream())
					.flatMap(value -> Arrays.stream((String[]) value))
					.distinct()
					.toArray(String[]::new);
				return paths.length == 0 ? Stream.of("") : Arrays.stream(paths);
			});
	}

	private static boolean isAdminPath(String path) {
		return path.equals("/admin") || path.startsWith("/admin/");
	}

}
