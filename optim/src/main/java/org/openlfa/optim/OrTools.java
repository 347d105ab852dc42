package org.openlfa.optim;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/** Loads OR-Tools' native libraries once per JVM and creates GLOP linear solvers. */
final class OrTools {

    private static volatile boolean loaded;

    private OrTools() {
    }

    /** A fresh GLOP (Google's primal-dual simplex) solver; the caller must {@code delete()} it. */
    static MPSolver newLpSolver() {
        return newSolver("GLOP");
    }

    /** A fresh solver of the given OR-Tools id ("GLOP", "CLP", ...); the caller must {@code delete()} it. */
    static MPSolver newSolver(String id) {
        ensureLoaded();
        MPSolver solver = MPSolver.createSolver(id);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools GLOP solver is not available on this platform");
        }
        return solver;
    }

    private static void ensureLoaded() {
        if (!loaded) {
            synchronized (OrTools.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
