package io.muster;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each package under io.muster is a module. Other modules may use what a module keeps in its own
 * package (its API: services, views, events); what it keeps in sub-packages (registration.internal:
 * the process descriptors, facades and delegates) is its own. No two modules depend on each other
 * in a circle.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(MusterApplication.class);

    @Test
    void modulesUseOnlyEachOthersApiAndDependInNoCircle() {
        MODULES.verify();
    }

    /** The module map, as PlantUML and a canvas per module, under target/spring-modulith-docs. */
    @Test
    void writesTheModuleMap() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeModuleCanvases();
    }
}
