package io.muster;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Feature packages stay apart: no cycles between them, and only services reach the engine's identity store. */
@AnalyzeClasses(packages = "io.muster", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("io.muster.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersArePackagePrivate = ArchRuleDefinition.classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();

    /** Process variables are read and written through the typed Variable of their process's descriptor. */
    @ArchTest
    static final ArchRule processVariablesGoThroughTheirDescriptors = ArchRuleDefinition.noClasses()
            .that().resideOutsideOfPackage("io.muster.process..")
            .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.nameMatching("(get|set)Variable(Local)?"))
                    .and(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                            JavaClass.Predicates.assignableTo(VariableScope.class)))));

    @ArchTest
    static final ArchRule onlySecurityTalksToTheIdentityService = ArchRuleDefinition.noClasses()
            .that().resideOutsideOfPackage("io.muster.security..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.IdentityService");
}
