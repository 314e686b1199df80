-- Decision table versions deployed through Muster's rules page or API: who, when, and why.
-- Versions deployed elsewhere (Camunda Modeler, the engine's REST API) have no row here; the
-- engine's own deployment time is all that is known of them.
create table rule_deployment (
    deployment_id           varchar(64)  primary key,
    decision_key            varchar(255) not null,
    decision_definition_id  varchar(64)  not null,
    version                 integer      not null,
    deployed_by             varchar(255) not null,
    deployed_at             timestamp with time zone not null,
    comment                 varchar(1000)
);

create index rule_deployment_key_idx on rule_deployment (decision_key, version);
