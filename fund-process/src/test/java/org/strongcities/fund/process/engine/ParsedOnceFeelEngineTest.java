package org.strongcities.fund.process.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.process.TestEngine;

class ParsedOnceFeelEngineTest {

    private final ParsedOnceFeelEngine.Adapter feel =
            (ParsedOnceFeelEngine.Adapter) ParsedOnceFeelEngine.factory(List::of).createInstance();

    @Test
    void an_entry_is_parsed_once_and_evaluated_against_each_input() {
        assertThat(feel.evaluateSimpleUnaryTests("< 5000", "amount", amount(4999.99))).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("< 5000", "amount", amount(5000.0))).isFalse();
        assertThat(feel.evaluateSimpleUnaryTests("[5000..150000]", "amount", amount(5000.0))).isTrue();
        assertThat(feel.<Object>evaluateSimpleExpression("amount * 2", amount(10.25))).isEqualTo(20.5);
        assertThat(feel.<Object>evaluateSimpleExpression("amount * 2", amount(0.75))).isEqualTo(1.5);

        assertThat(feel.parser().cachedExpressions()).isEqualTo(3);
    }

    @Test
    void an_unparseable_entry_fails_the_same_way_every_time() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("< < 5000", "amount", amount(1.0)))
                    .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse");
        }
        assertThat(feel.parser().cachedExpressions()).isEqualTo(1);
    }

    @Test
    void a_unary_test_and_an_expression_with_the_same_text_are_parsed_apart() {
        // "5000" as an input entry tests the input against 5000; as an output entry it is the number.
        assertThat(feel.evaluateSimpleUnaryTests("5000", "amount", amount(5000.0))).isTrue();
        assertThat(feel.<Object>evaluateSimpleExpression("5000", amount(1.0))).isEqualTo(5000L);
    }

    @Test
    void the_process_engine_evaluates_its_decision_tables_with_it() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) TestEngine.processEngine().getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.Adapter.class);
    }

    private static VariableContext amount(double value) {
        return Variables.createVariables().putValue("amount", value).asVariableContext();
    }
}
