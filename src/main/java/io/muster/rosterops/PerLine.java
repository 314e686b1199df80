package io.muster.rosterops;

import java.util.function.Consumer;
import java.util.function.Supplier;

import io.muster.common.ConflictException;
import io.muster.common.ForbiddenException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;

/**
 * One line of a bulk request: its own transactions, and a refusal (what the API would answer
 * for this line alone) reported with its reason instead of failing the whole request.
 */
final class PerLine {

    private PerLine() {
    }

    static <T> void attempt(Supplier<T> work, Consumer<T> done, Consumer<String> refused) {
        T result;
        try {
            result = work.get();
        } catch (ConflictException | ForbiddenException | NotFoundException | InvalidInputException e) {
            refused.accept(e.getMessage());
            return;
        }
        done.accept(result);
    }
}
