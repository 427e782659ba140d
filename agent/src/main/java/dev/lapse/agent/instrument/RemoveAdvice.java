package dev.lapse.agent.instrument;

import dev.lapse.agent.bootstrap.LapseHook;
import net.bytebuddy.asm.Advice;

/** Inlined into remove-style methods: one call into the hook on entry, one on exit. */
final class RemoveAdvice {
    private RemoveAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static int[] enter() {
        return LapseHook.enter();
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(
            @Advice.Enter int[] depth,
            @ApiId int apiId,
            @Advice.This(optional = true) Object self,
            @Advice.Origin Class<?> type,
            @ListenerArg Object listener,
            @Advice.Thrown Throwable thrown) {
        LapseHook.exitRemove(depth, apiId, self, type, listener, thrown);
    }
}
