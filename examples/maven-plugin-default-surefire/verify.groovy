// Checks the plugin on a clean project with the default Surefire of Maven 3.8 (no Surefire in the POM).
def target = new File(basedir, 'target')
def log = new File(basedir, 'build.log').text

assert log.contains('maven-surefire-plugin:2.') : 'this example is about the Surefire Maven picks by itself'
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
// the agent was on the test JVM: the report is this run's, and it saw the registration
def json = new groovy.json.JsonSlurper().parse(new File(target, 'lapse/lapse-report.json'))
assert json.stats.registrationsSeen >= 1 : 'the agent saw no registration: was it on the test JVM?'
assert json.findings.isEmpty()
def summary = new File(target, 'lapse/lapse-report.txt').readLines()[1]
assert log.contains("Lapse: ${summary}") : "report did not print the summary '${summary}'"
assert log.contains('Lapse: check passed: 0 finding groups within the limits')
assert new File(target, 'lapse/lapse-report.html').isFile()
assert !log.contains('{argLine}') : 'an unresolved argLine reached the command line'
assert new File(target, 'jacoco.exec').length() > 0 : 'JaCoCo wrote no jacoco.exec'
return true
