// Checks what README's "Test runs" section promises, on the example's finished (and failed) build.
def target = new File(basedir, 'target')

def suite = { String test ->
    def xml = new File(target, "surefire-reports/TEST-example.${test}.xml")
    assert xml.isFile() : "no Surefire report for ${test}"
    new groovy.xml.XmlSlurper().parse(xml)
}

// the clean test passes
def clean = suite('StockBadgeTest')
assert clean.@tests.text() == '1' && clean.@failures.text() == '0' && clean.@errors.text() == '0'

// the leaky test fails, and its message is the finding: who holds whom, where, and the fix
def leaky = suite('LowStockAlertTest')
assert leaky.@failures.text() == '1' : "LowStockAlertTest should fail with the finding"
def failure = leaky.testcase.failure
assert failure.@type.text() == 'dev.lapse.junit5.LapsedListenerError'
def message = failure.@message.text() + '\n' + failure.text()
['LowStockAlertTest.alerts_when_an_item_runs_low() left lapsed listeners behind',
 'LowStockAlert is kept alive by Inventory after it was closed at LowStockAlertTest.java:14',
 'example.Inventory#addStockListener at LowStockAlert.<init> (LowStockAlert.java:13)',
 '.listeners → CopyOnWriteArrayList',
 'Inventory.SHARED.removeStockListener(listener);'].each {
    assert message.contains(it) : "the failure message lacks '${it}':\n${message}"
}

// the build says why it failed
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 1, Errors: 0') : 'the build log lacks the test summary'

// lapse-maven-plugin's prepare-agent put the agent after JaCoCo's on the forks' command line
def argLine = log.readLines().find { it.contains('Lapse: argLine set to') }
assert argLine != null : 'prepare-agent did not say what it set argLine to'
assert argLine =~ /-javaagent:\S*org\.jacoco\.agent\S*runtime\.jar=\S+ -javaagent:\S*lapse-agent-\S+\.jar=out=\S+/ :
        "argLine should hold JaCoCo's agent, then Lapse's: ${argLine}"

// one report for the whole run, merged from the forks, where the plugin puts it: the build failed in the test
// phase, before report and check, so these are the files the last fork wrote
def reports = new File(target, 'lapse')
['json', 'txt', 'html', 'sarif'].each {
    assert new File(reports, "lapse-report.${it}").isFile() : "no target/lapse/lapse-report.${it}"
}
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'lapse-report.json'))
assert json.jvm.mode == 'merge'
assert json.sources.size() == 2 : 'forkCount=2: the report merges both forks'
def left = reports.list().findAll { !it.startsWith('lapse-report.') }
assert left.isEmpty() : "the report directory holds the reports and nothing else (no jvms/, no lock file): ${left}"
assert json.findings*.owner*.'class'.contains('example.LowStockAlert')
assert !json.findings*.owner*.'class'.contains('example.StockBadge')

// JaCoCo's agent ran beside Lapse's
def exec = new File(target, 'jacoco.exec')
assert exec.isFile() && exec.length() > 0 : 'JaCoCo wrote no jacoco.exec'
return true
