package dev.auditsdk.moduletest;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The user API of a set of types, read by reflection: one line per type and per public or
 * protected member (protected only where a user can subclass), in a form that does not depend on
 * the JDK's own {@code toString}s; and the places where such a signature mentions a type outside
 * the user API. Members (or types) marked {@code @AuditSdkProtectedApi} are not user API.
 */
final class ApiSurface {
    /** The marker of machinery, by name (the gate must not depend on reaching it). */
    static final String PROTECTED_API = "dev.auditsdk.core.spi.AuditSdkProtectedApi";

    /** Third-party packages the user API may show, because the modules require them transitively. */
    static final List<String> ALLOWED_THIRD_PARTY = List.of("com.fasterxml.jackson.databind",
            "com.fasterxml.jackson.core", "io.micrometer.core.instrument", "org.junit.jupiter.api.extension");

    private ApiSurface() {
    }

    /** @return whether {@code element} is marked as machinery */
    static boolean isProtectedApi(AnnotatedElement element) {
        for (Annotation a : element.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals(PROTECTED_API)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether users can see {@code type}: public, and every enclosing type too */
    static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || isProtectedApi(c)) {
                return false;
            }
        }
        return !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass()
                && !type.getSimpleName().equals("package-info");
    }

    /** @return the members of {@code type} users can call or override, not marked as machinery */
    static List<Member> members(Class<?> type) {
        boolean subclassable = !Modifier.isFinal(type.getModifiers()) && !type.isEnum()
                && Arrays.stream(type.getDeclaredConstructors()).anyMatch(c -> isUserVisible(c.getModifiers())) || type.isInterface();
        List<Member> out = new ArrayList<>();
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers(), subclassable) && !c.isSynthetic() && !isProtectedApi(c)) {
                out.add(c);
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers(), subclassable) && !m.isSynthetic() && !m.isBridge() && !isProtectedApi(m)) {
                out.add(m);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers(), subclassable) && !f.isSynthetic() && !isProtectedApi(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean isUserVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static boolean visible(int modifiers, boolean subclassable) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers) && subclassable;
    }

    /** @return the sorted lines of the surface of {@code types} */
    static List<String> lines(String module, List<Class<?>> types) {
        Set<String> lines = new TreeSet<>();
        for (Class<?> type : types) {
            lines.add(module + " " + type.getName() + " : " + describeType(type));
            for (Member m : members(type)) {
                lines.add(module + " " + type.getName() + " | " + describeMember(m));
            }
        }
        return new ArrayList<>(lines);
    }

    /**
     * @param types the user-API types
     * @param isApiType whether a class a signature mentions may appear in the user API
     * @return one line per signature that mentions a type outside the user API
     */
    static List<String> exposures(List<Class<?>> types, Predicate<Class<?>> isApiType) {
        List<String> out = new ArrayList<>();
        for (Class<?> type : types) {
            Set<Class<?>> seen = new LinkedHashSet<>();
            collect(type.getGenericSuperclass(), seen);
            for (Type i : type.getGenericInterfaces()) {
                collect(i, seen);
            }
            for (TypeVariable<?> v : type.getTypeParameters()) {
                for (Type b : v.getBounds()) {
                    collect(b, seen);
                }
            }
            report(out, type.getName() + " (its declaration)", seen, isApiType);
            for (Member m : members(type)) {
                Set<Class<?>> used = new LinkedHashSet<>();
                if (m instanceof Field) {
                    collect(((Field) m).getGenericType(), used);
                } else {
                    Executable e = (Executable) m;
                    if (e instanceof Method) {
                        collect(((Method) e).getGenericReturnType(), used);
                    }
                    for (Type p : e.getGenericParameterTypes()) {
                        collect(p, used);
                    }
                    for (Type x : e.getGenericExceptionTypes()) {
                        collect(x, used);
                    }
                    for (TypeVariable<?> v : e.getTypeParameters()) {
                        for (Type b : v.getBounds()) {
                            collect(b, used);
                        }
                    }
                }
                report(out, type.getName() + " | " + describeMember(m), used, isApiType);
            }
        }
        return out;
    }

    private static void report(List<String> out, String where, Set<Class<?>> used, Predicate<Class<?>> isApiType) {
        List<String> bad = used.stream().filter(c -> !c.isPrimitive() && !isApiType.test(c)).map(Class::getName)
                .collect(Collectors.toList());
        if (!bad.isEmpty()) {
            out.add(where + "  exposes  " + String.join(", ", bad));
        }
    }

    private static void collect(Type t, Set<Class<?>> into) {
        if (t == null) {
            return;
        }
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t;
            while (c.isArray()) {
                c = c.getComponentType();
            }
            into.add(c);
        } else if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            collect(p.getRawType(), into);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, into);
            }
        } else if (t instanceof WildcardType) {
            for (Type b : ((WildcardType) t).getUpperBounds()) {
                collect(b, into);
            }
            for (Type b : ((WildcardType) t).getLowerBounds()) {
                collect(b, into);
            }
        } else if (t instanceof GenericArrayType) {
            collect(((GenericArrayType) t).getGenericComponentType(), into);
        }
        // type variables: their bounds are checked where they are declared
    }

    static String describeType(Class<?> type) {
        StringBuilder s = new StringBuilder(modifiers(type.getModifiers() & ~Modifier.INTERFACE & ~Modifier.STATIC & ~Modifier.ABSTRACT & ~(type.isEnum() ? Modifier.FINAL : 0)));
        s.append(type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : (Modifier.isAbstract(type.getModifiers()) ? "abstract class" : "class"));
        s.append(typeParameters(type.getTypeParameters()));
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()) {
            s.append(" extends ").append(name(type.getGenericSuperclass()));
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            s.append(type.isInterface() ? " extends " : " implements ");
            s.append(Arrays.stream(interfaces).map(ApiSurface::name).collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    static String describeMember(Member m) {
        if (m instanceof Field) {
            Field f = (Field) m;
            return modifiers(f.getModifiers()) + name(f.getGenericType()) + " " + f.getName();
        }
        Executable e = (Executable) m;
        StringBuilder s = new StringBuilder();
        int mods = e.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT);
        if (e.getDeclaringClass().isInterface()) {
            mods &= ~Modifier.ABSTRACT & ~Modifier.PUBLIC;
        }
        s.append(modifiers(mods));
        if (e instanceof Method && ((Method) e).isDefault()) {
            s.append("default ");
        }
        String params = typeParameters(e.getTypeParameters());
        if (!params.isEmpty()) {
            s.append(params.substring(1)).append(' ');
        }
        if (e instanceof Method) {
            s.append(name(((Method) e).getGenericReturnType())).append(' ').append(e.getName());
        } else {
            s.append("<init>");
        }
        s.append('(').append(Arrays.stream(e.getGenericParameterTypes()).map(ApiSurface::name).collect(Collectors.joining(", ")))
                .append(')');
        Type[] thrown = e.getGenericExceptionTypes();
        if (thrown.length > 0) {
            s.append(" throws ").append(Arrays.stream(thrown).map(ApiSurface::name).sorted().collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    private static String modifiers(int mods) {
        String text = Modifier.toString(mods & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT));
        return text.isEmpty() ? "" : text + " ";
    }

    private static String typeParameters(TypeVariable<?>[] vars) {
        if (vars.length == 0) {
            return "";
        }
        return " <" + Arrays.stream(vars).map(v -> {
            List<String> bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class).map(ApiSurface::name)
                    .collect(Collectors.toList());
            return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds);
        }).collect(Collectors.joining(", ")) + ">";
    }

    /** A type's name, independent of the JDK's {@code toString}s. */
    static String name(Type t) {
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t;
            return c.isArray() ? name(c.getComponentType()) + "[]" : c.getName();
        }
        if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            return name(p.getRawType()) + "<" + Arrays.stream(p.getActualTypeArguments()).map(ApiSurface::name)
                    .collect(Collectors.joining(", ")) + ">";
        }
        if (t instanceof WildcardType) {
            WildcardType w = (WildcardType) t;
            if (w.getLowerBounds().length > 0) {
                return "? super " + name(w.getLowerBounds()[0]);
            }
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + name(upper);
        }
        if (t instanceof GenericArrayType) {
            return name(((GenericArrayType) t).getGenericComponentType()) + "[]";
        }
        if (t instanceof TypeVariable) {
            return ((TypeVariable<?>) t).getName();
        }
        return t.getTypeName();
    }
}
