package org.strongcities.fund.domain;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain stays plain Java plus Axon: no Spring, and the api depends on no aggregate. */
@AnalyzeClasses(packages = "org.strongcities.fund.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpringInTheDomain = noClasses().that().resideInAPackage("org.strongcities.fund.domain..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule apiDependsOnNothingElseOfTheDomain = noClasses().that().resideInAPackage("..domain.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..domain.membership..", "..domain.ledger..",
                    "..domain.application..", "..domain.review..", "..domain.award..", "..domain.policy..");

    @ArchTest
    static final ArchRule policiesArePure = noClasses().that().resideInAPackage("..domain.policy..")
            .should().dependOnClassesThat().resideInAPackage("org.axonframework..");
}
