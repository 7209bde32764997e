package dev.brickwork.workflow.engine.impl;

import org.operaton.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import java.util.List;

/**
 * Scripting off: Operaton 1.0.3 has no switch for it, so the engine gets a resolver that knows no language. A script
 * that reaches the engine (none should: the linter and {@link BrickworkParseListener} refuse them) fails with
 * "no script engine found" instead of running.
 */
final class NoScriptEngines implements ScriptEngineResolver {

    private static final ScriptEngineManager NONE = new ScriptEngineManager(null) {
        @Override
        public ScriptEngine getEngineByName(String shortName) {
            return null;
        }

        @Override
        public ScriptEngine getEngineByExtension(String extension) {
            return null;
        }

        @Override
        public ScriptEngine getEngineByMimeType(String mimeType) {
            return null;
        }

        @Override
        public List<ScriptEngineFactory> getEngineFactories() {
            return List.of();
        }
    };

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
        // nothing is registered: no language may run
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        return NONE;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
        return null;
    }
}
