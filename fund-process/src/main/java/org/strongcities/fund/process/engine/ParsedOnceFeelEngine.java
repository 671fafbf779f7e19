package org.strongcities.fund.process.engine;

import camundajar.impl.scala.util.Either;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The FEEL engine of the decision tables, parsing each expression once instead of on every
 * evaluation. Camunda's engine parses every input and output entry of a table each time it is
 * evaluated (camunda/feel-scala#1149); in the benchmark's command load that parsing was an eighth
 * of the application's CPU, more than the eligibility check's database work. A parsed expression is
 * an immutable syntax tree, so one serves every thread.
 */
public class ParsedOnceFeelEngine extends FeelEngine {

    /**
     * Expressions come from deployed tables, a few dozen; the bound only guards against a deployment
     * that generates them, by starting the cache over.
     */
    static final int MOST_EXPRESSIONS = 10_000;

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    /** Configured exactly as Camunda's own engine is (its functions, value mappers and settings). */
    ParsedOnceFeelEngine(FeelEngine configured) {
        super(configured.functionProvider(), configured.valueMapper(), configured.configuration(), configured.clock());
    }

    /**
     * Camunda's DMN engine, with this FEEL engine under it. The custom functions are read when the
     * engine is built, as Camunda's own factory does.
     */
    public static FeelEngineFactory factory(Supplier<List<FeelCustomFunctionProvider>> customFunctions) {
        return () -> new Adapter(customFunctions.get());
    }

    /** Camunda's adapter from its DMN engine to the FEEL engine, building this one. */
    static final class Adapter extends ScalaFeelEngine {

        Adapter(List<FeelCustomFunctionProvider> customFunctions) {
            super(customFunctions);
        }

        @Override
        protected FeelEngine buildFeelEngine(CustomFunctionTransformer transformer, CompositeValueMapper valueMapper) {
            return new ParsedOnceFeelEngine(super.buildFeelEngine(transformer, valueMapper));
        }

        ParsedOnceFeelEngine parser() {
            return (ParsedOnceFeelEngine) feelEngine;
        }
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
        return parsedOnce(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
        return parsedOnce(unaryTests, expression, super::parseUnaryTests);
    }

    int cachedExpressions() {
        return expressions.size() + unaryTests.size();
    }

    private static Either<Failure, ParsedExpression> parsedOnce(Map<String, Either<Failure, ParsedExpression>> cache,
                                                              String expression,
                                                              Function<String, Either<Failure, ParsedExpression>> parse) {
        if (cache.size() >= MOST_EXPRESSIONS) {
            cache.clear();
        }
        return cache.computeIfAbsent(expression, parse);
    }
}
