package io.dunhub.hub.testing;

import io.dunhub.hub.store.Store;
import io.dunhub.hub.store.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * The engine behind {@link StoreTest}: two invocations per test method, one per {@link StoreKind},
 * each with a migrated {@link Store} shared by the test class and emptied before each test.
 */
public final class BothStoresExtension implements TestTemplateInvocationContextProvider {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BothStoresExtension.class);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return true;
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    return Stream.of(invocation(StoreKind.HSQLDB), invocation(StoreKind.POSTGRESQL));
  }

  private static TestTemplateInvocationContext invocation(StoreKind kind) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "[" + kind.name().toLowerCase(java.util.Locale.ROOT) + "]";
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new Invocation(kind));
      }
    };
  }

  /** Provides the store of one kind to one invocation. */
  private static final class Invocation
      implements ExecutionCondition, BeforeEachCallback, ParameterResolver {
    private final StoreKind kind;

    Invocation(StoreKind kind) {
      this.kind = kind;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (kind == StoreKind.POSTGRESQL) {
        TestPostgres postgres = TestPostgres.fromEnvironment();
        String reason = postgres.unreachableReason();
        if (reason != null && !postgres.required()) {
          String message =
              reason
                  + " -- PostgreSQL run skipped (set "
                  + TestPostgres.URL_VARIABLE
                  + " to point at a server, or "
                  + TestPostgres.REQUIRE_VARIABLE
                  + "=true to fail instead)";
          System.err.println("[dunhub tests] " + message);
          return ConditionEvaluationResult.disabled(message);
        }
      }
      return ConditionEvaluationResult.enabled("store " + kind);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      StoreCleaner.wipe(store(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return type == Store.class || type == StoreKind.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == StoreKind.class ? kind : store(context);
    }

    private Store store(ExtensionContext context) {
      ExtensionContext classContext =
          context.getParent().flatMap(ExtensionContext::getParent).orElseThrow();
      return classContext
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(
              kind, k -> open(kind, context.getRequiredTestClass()), ClassStore.class)
          .store();
    }

    private static ClassStore open(StoreKind kind, Class<?> testClass) {
      if (kind == StoreKind.HSQLDB) {
        try {
          Path dir = Files.createTempDirectory("dunhub-store-test");
          Store store = Store.open(StoreSettings.embedded(dir), Clock.systemUTC()).start();
          return new ClassStore(store, () -> deleteTree(dir));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      TestPostgres postgres = TestPostgres.fromEnvironment();
      String reason = postgres.unreachableReason();
      if (reason != null) {
        throw new IllegalStateException(
            reason + " (" + TestPostgres.REQUIRE_VARIABLE + "=true requires PostgreSQL)");
      }
      StoreSettings settings = postgres.createDatabase(testClass.getSimpleName());
      Store store = Store.open(settings, Clock.systemUTC());
      try {
        store.start();
      } catch (RuntimeException e) {
        store.close();
        postgres.dropDatabase(settings);
        throw e;
      }
      return new ClassStore(store, () -> postgres.dropDatabase(settings));
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A store kept for one test class; closing it closes the store and removes its database. */
  private record ClassStore(Store store, Runnable cleanup)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      try {
        store.close();
      } finally {
        cleanup.run();
      }
    }
  }
}
