package dev.scangate.statemachine.engine;

import java.nio.file.Path;

/** Child process for {@link ProcessKillTest}: starts an execution and runs until it is killed. */
public final class KillableEngineMain {

    static final String DEFINITION = """
            {"QueryLanguage":"JSONata","StartAt":"Init","States":{
             "Init":{"Type":"Pass","Assign":{"i":0},"Next":"Loop"},
             "Loop":{"Type":"Choice","Choices":[{"Condition":"{% $i < 5 %}","Next":"Nap"}],"Default":"Done"},
             "Nap":{"Type":"Wait","Seconds":1,"Next":"Inc"},
             "Inc":{"Type":"Pass","Assign":{"i":"{% $i + 1 %}"},"Next":"Loop"},
             "Done":{"Type":"Succeed","Output":"{% {'i': $i} %}"}}}""";

    private KillableEngineMain() {
    }

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.builder().dataDirectory(Path.of(args[0])).build().start();
        var sm = engine.createStateMachine("killable", DEFINITION, "arn:aws:iam::000000000000:role/r", null);
        String arn = engine.startExecution(sm.arn(), "victim", "{}").executionArn();
        System.out.println("STARTED " + arn);
        System.out.flush();
        Thread.sleep(600_000);
    }
}
