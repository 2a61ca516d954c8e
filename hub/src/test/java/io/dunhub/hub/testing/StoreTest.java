package io.dunhub.hub.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method twice: on the embedded HSQLDB store and on PostgreSQL. Declare a {@link
 * io.dunhub.hub.store.Store} parameter to receive a migrated store (and a {@link StoreKind}
 * parameter to know which one).
 *
 * <pre>{@code
 * class InvoiceRepositoryTest {
 *   @StoreTest
 *   void findsOverdueInvoices(Store store) { ... }
 * }
 * }</pre>
 *
 * <p>Each test class gets its own stores: HSQLDB in a temporary directory, PostgreSQL in a fresh
 * database created through the {@code postgres} database and dropped after the class. Before each
 * test every table is emptied (the schema stays), so tests in a class do not see each other's rows.
 *
 * <p>PostgreSQL is reached at {@code jdbc:postgresql://127.0.0.1:5432/postgres} as {@code
 * postgres}, or at the URL in the environment variable {@code DUNHUB_TEST_POSTGRES_URL} (it names
 * the admin database; the test database replaces its name). When PostgreSQL is unreachable the
 * PostgreSQL run is skipped with a message saying why, unless {@code DUNHUB_REQUIRE_POSTGRES=true},
 * which makes it fail (CI sets it).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(BothStoresExtension.class)
public @interface StoreTest {}
