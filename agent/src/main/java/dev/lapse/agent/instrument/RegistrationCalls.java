package dev.lapse.agent.instrument;

import dev.lapse.agent.instrument.callsite.CallTargets;
import java.util.List;

/**
 * The calls whose sites get an id: calls from application code to a method named like an add method
 * ({@link NameRules#isAdd}, or the add of a JDK singleton's pair named outside the families, such as
 * {@code addShutdownHook}) of a class Lapse looks at, passing some object. The same rules as the ones that
 * choose the instrumented methods, applied to names only, since the called class may not be loaded yet.
 * {@code EventListenerList.add} called directly is left out (a bare {@code add} would pass every collection's
 * callers): its registrations walk the stack.
 */
final class RegistrationCalls implements CallTargets {
    private final TypeScope scope;

    RegistrationCalls(TypeScope scope) {
        this.scope = scope;
    }

    @Override
    public List<String> namePrefixes() {
        return List.of("add", "register", "subscribe");
    }

    @Override
    public boolean nameMayRegister(String name) {
        return NameRules.isAdd(name) || JdkSingletons.isPairAdd(name);
    }

    @Override
    public boolean rewritesCallsFrom(String callerClass) {
        return scope.kindOf(callerClass) == TypeScope.Kind.APPLICATION;
    }

    @Override
    public boolean mayRegister(String owner, String name, String descriptor) {
        return nameMayRegister(name)
                && descriptor.indexOf('L') >= 0
                && descriptor.indexOf('L') < descriptor.indexOf(')')
                && scope.kindOf(owner.replace('/', '.')) != TypeScope.Kind.NONE;
    }

    @Override
    public boolean instrumentedLate(String owner) {
        return JdkSingletons.loadedAtStart(owner.replace('/', '.'));
    }
}
