package dev.auditsdk.testkit.junit;

import dev.auditsdk.testkit.SimulatorServer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;

/**
 * Creates, starts and stops the {@link Simulator @Simulator} fields and parameters of a test
 * class; see {@link Simulator} for the rules. Register it with {@link SimulatorTest @SimulatorTest}
 * or {@code @ExtendWith(SimulatorExtension.class)}.
 *
 * <p>Simulators are closed explicitly at the end of their scope (not through the extension
 * store), so every JUnit 5 version behaves the same.
 */
public final class SimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatorExtension.class);
    private static final String STARTED = "started";

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : simulatorFields(testClass)) {
            if (ModifierSupport.isStatic(field)) {
                started(context).add(prepare(field, null));
            }
        }
        if (perClass(context)) {
            Object instance = context.getRequiredTestInstance();
            for (Field field : simulatorFields(testClass)) {
                if (!ModifierSupport.isStatic(field)) {
                    started(context).add(prepare(field, instance));
                }
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass(context)) {
            for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
                for (Field field : simulatorFields(instance.getClass())) {
                    if (!ModifierSupport.isStatic(field)) {
                        started(context).add(prepare(field, instance));
                    }
                }
            }
        }
        // class-scoped simulators: every test sees its own request statistics
        for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
            Started classScoped = c.get().getStore(NAMESPACE).get(key(c.get()), Started.class);
            if (classScoped != null) {
                classScoped.simulators.forEach(SimulatorServer::resetStatistics);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeAll(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.isAnnotated(Simulator.class)
                && SimulatorServer.class.isAssignableFrom(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        // an annotated field of the same type wins: the parameter is then a handle on it
        for (Object instance : context.getTestInstances().map(i -> i.getAllInstances()).orElse(List.of())) {
            Optional<Object> field = fieldValue(instance.getClass(), instance, type);
            if (field.isPresent()) {
                return field.get();
            }
        }
        Optional<Object> staticField = fieldValue(context.getRequiredTestClass(), null, type);
        if (staticField.isPresent()) {
            return staticField.get();
        }
        Executable declaring = parameterContext.getDeclaringExecutable();
        boolean classScope = declaring instanceof Constructor || ModifierSupport.isStatic(declaring);
        ExtensionContext scope = classScope ? classContext(context) : context;
        try {
            SimulatorServer created = create(type.asSubclass(SimulatorServer.class));
            created.start();
            started(scope).add(created);
            return created;
        } catch (ExtensionConfigurationException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static Optional<Object> fieldValue(Class<?> testClass, Object instance, Class<?> type) {
        for (Field field : simulatorFields(testClass)) {
            if (type.isAssignableFrom(field.getType()) && ModifierSupport.isStatic(field) == (instance == null)) {
                Object value = read(field, instance);
                if (value != null) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static List<Field> simulatorFields(Class<?> testClass) {
        List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, Simulator.class, f -> true,
                HierarchyTraversalMode.TOP_DOWN);
        for (Field f : fields) {
            if (!SimulatorServer.class.isAssignableFrom(f.getType())) {
                throw new ExtensionConfigurationException("@Simulator field " + f.getDeclaringClass().getSimpleName() + "."
                        + f.getName() + " must be a SimulatorServer, not " + f.getType().getName());
            }
        }
        return fields;
    }

    /** Creates the field's simulator when it is null, starts it, and returns it. */
    private static SimulatorServer prepare(Field field, Object instance) {
        SimulatorServer simulator = (SimulatorServer) read(field, instance);
        if (simulator == null) {
            simulator = create(field.getType().asSubclass(SimulatorServer.class));
            write(field, instance, simulator);
        }
        simulator.start();
        return simulator;
    }

    /**
     * Creates a simulator with its defaults: {@code create()}, a no-argument constructor, or {@code builder().build()}.
     *
     * @param type a concrete simulator class
     * @param <T> its type
     * @return a new, not yet started simulator
     */
    static <T extends SimulatorServer> T create(Class<T> type) {
        try {
            Optional<Method> factory = publicStatic(type, "create");
            if (factory.isPresent() && type.isAssignableFrom(factory.get().getReturnType())) {
                return type.cast(factory.get().invoke(null));
            }
            if (!Modifier.isAbstract(type.getModifiers())) {
                try {
                    Constructor<T> constructor = type.getConstructor();
                    return constructor.newInstance();
                } catch (NoSuchMethodException e) {
                    // try a builder below
                }
            }
            Optional<Method> builder = publicStatic(type, "builder");
            if (builder.isPresent()) {
                Object b = builder.get().invoke(null);
                Method build = b.getClass().getMethod("build");
                build.setAccessible(true);
                Object built = build.invoke(b);
                if (type.isInstance(built)) {
                    return type.cast(built);
                }
            }
        } catch (IllegalAccessException | InstantiationException | NoSuchMethodException e) {
            throw new ExtensionConfigurationException("cannot create " + type.getName() + ": " + e, e);
        } catch (InvocationTargetException e) {
            throw new ExtensionConfigurationException("creating " + type.getName() + " failed: " + e.getCause(), e.getCause());
        }
        throw new ExtensionConfigurationException("cannot create " + type.getName() + ": give it a public static create(),"
                + " a public no-argument constructor or a builder().build(), or initialize the @Simulator field yourself");
    }

    private static Optional<Method> publicStatic(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            return Modifier.isStatic(m.getModifiers()) ? Optional.of(m) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Object read(Field field, Object instance) {
        try {
            field.setAccessible(true);
            return field.get(instance);
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("cannot read @Simulator field " + field.getName(), e);
        }
    }

    private static void write(Field field, Object instance, Object value) {
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException("@Simulator field " + field.getName() + " is final and null:"
                    + " initialize it, or make it non-final so the extension can create the simulator");
        }
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("cannot set @Simulator field " + field.getName(), e);
        }
    }

    private static boolean perClass(ExtensionContext context) {
        return context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD) == TestInstance.Lifecycle.PER_CLASS;
    }

    private static List<SimulatorServer> started(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(key(context), k -> new Started(), Started.class).simulators;
    }

    /** Stores see their parents' values: a key per scope keeps a test's simulators apart from its class's. */
    private static String key(ExtensionContext context) {
        return STARTED + ":" + context.getUniqueId();
    }

    private static void closeAll(ExtensionContext context) {
        Started started = context.getStore(NAMESPACE).remove(key(context), Started.class);
        if (started == null) {
            return;
        }
        RuntimeException failure = null;
        List<SimulatorServer> reversed = new ArrayList<>(started.simulators);
        java.util.Collections.reverse(reversed);
        for (SimulatorServer s : reversed) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The simulators one scope started; deliberately not AutoCloseable (closed explicitly, once). */
    private static final class Started {
        final List<SimulatorServer> simulators = new ArrayList<>();
    }
}
