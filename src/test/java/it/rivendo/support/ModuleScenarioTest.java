package it.rivendo.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import it.rivendo.shared.ModuleTestBeans;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring Modulith test of one application module, the one whose package holds the test
 * class, started with the modules it depends on and nothing else (no pages of other
 * modules, no listeners of modules that merely listen), against the real PostgreSQL
 * emptied before each test. Test methods can take a
 * {@link org.springframework.modulith.test.Scenario}: publish an event, or call the
 * module, and wait for what the database holds afterwards.
 * <p>
 * {@code shared} is always included: its {@code ClockConfig} gives the
 * {@link java.time.Clock} every module takes, a dependency Spring Modulith cannot see,
 * since {@code Clock} is not a type of {@code shared}. {@code ops} is always included,
 * though no module depends on it: its {@code ScheduledJobs} keeps the scheduled jobs (the
 * outbox sender among them) from firing by themselves during a test, as in the whole
 * shop's tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestDatabaseCheck.class)
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "shared", "ops" })
@ActiveProfiles("test")
@Import(ModuleTestBeans.class)
@ExtendWith(CleanDatabaseExtension.class)
public @interface ModuleScenarioTest {

}
