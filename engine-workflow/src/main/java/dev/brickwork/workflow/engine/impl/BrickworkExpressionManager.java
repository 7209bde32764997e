package dev.brickwork.workflow.engine.impl;

import jakarta.el.BeanELResolver;
import jakarta.el.CompositeELResolver;
import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import org.operaton.bpm.engine.impl.el.JuelExpressionManager;
import org.operaton.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.operaton.bpm.engine.impl.el.VariableScopeElResolver;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * The engine's expression language, cut down to what {@code RuntimeContract} needs: our beans by name (first, so no
 * process variable can stand in for one), the engine's own names and variables ({@code execution},
 * {@code approver}, {@code nrOfCompletedInstances}), and method calls on {@link BrickworkBean} only. No functions,
 * no properties or methods of other objects ({@code ${execution.processEngineServices}} does not resolve), no
 * process-application or mock beans.
 */
final class BrickworkExpressionManager extends JuelExpressionManager {

    BrickworkExpressionManager(Map<Object, Object> beans) {
        super(beans);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new ReadOnlyMapELResolver(beans));
        resolver.add(new VariableScopeElResolver());
        resolver.add(new BrickworkMethods());
        return resolver;
    }

    @Override
    protected FunctionMapper createFunctionMapper() {
        return new FunctionMapper() {
            @Override
            public Method resolveFunction(String prefix, String localName) {
                return null;
            }
        };
    }

    /** Invokes methods of {@link BrickworkBean}; resolves nothing else. */
    private static final class BrickworkMethods extends ELResolver {

        private final BeanELResolver methods = new BeanELResolver(true);

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            return base instanceof BrickworkBean ? methods.invoke(context, base, method, paramTypes, params) : null;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            // nothing is writable
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }
    }
}
