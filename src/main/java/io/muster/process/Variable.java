package io.muster.process;

import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * One process variable, declared once in its process's descriptor: its name and how its value is
 * read and written. Enums are stored by name, so Cockpit shows a readable value and a gateway can
 * compare it with a string; everything else keeps its engine type.
 */
public final class Variable<T> {

    private final String name;
    private final Function<Object, T> read;
    private final Function<T, Object> write;

    private Variable(String name, Function<Object, T> read, Function<T, Object> write) {
        this.name = name;
        this.read = read;
        this.write = write;
    }

    public static <T> Variable<T> of(String name, Class<T> type) {
        return new Variable<>(name, type::cast, value -> value);
    }

    public static <E extends Enum<E>> Variable<E> ofEnum(String name, Class<E> type) {
        return new Variable<>(name, value -> value == null ? null : Enum.valueOf(type, (String) value),
                value -> value == null ? null : value.name());
    }

    public String name() {
        return name;
    }

    /** The value as the scope (or one of its parents) holds it, or null. */
    public T get(VariableScope scope) {
        return read.apply(scope.getVariable(name));
    }

    /** The value held by this very scope, e.g. an activity's input parameter, or null. */
    public T getLocal(VariableScope scope) {
        return read.apply(scope.getVariableLocal(name));
    }

    public T from(Map<String, ?> variables) {
        return read.apply(variables.get(name));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, write.apply(value));
    }

    public VariableMap put(VariableMap variables, T value) {
        return variables.putValue(name, write.apply(value));
    }

    /** The value as the engine stores it, for APIs that take a name and an object. */
    public Object stored(T value) {
        return write.apply(value);
    }
}
