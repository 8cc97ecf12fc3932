package it.rivendo.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole shop and the real PostgreSQL (database {@code rivendo_test}),
 * emptied before each test, with a clock the test can move ({@link MutableClock}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest
@ActiveProfiles("test")
@Import({ TestShop.class, MutableClock.class, ActivatedServices.class })
@ExtendWith(CleanDatabaseExtension.class)
public @interface IntegrationTest {

}
