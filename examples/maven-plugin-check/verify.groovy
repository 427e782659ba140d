// Checks what docs/maven-plugin.md promises of check, on this example's finished (and failed) build.
def target = new File(basedir, 'target')
def log = new File(basedir, 'build.log').text

// the tests themselves pass: without lapse-junit5 nothing fails them
assert log.contains('Tests run: 2, Failures: 0, Errors: 0') : 'both tests should pass'

// report printed the run's summary (the text report's second line), which the forks' own exit lines never reach
def summary = new File(target, 'lapse/lapse-report.txt').readLines()[1]
assert log.contains("Lapse: ${summary}") : "report did not print the summary '${summary}'"
assert log.contains('Lapse report: ') && log.contains("lapse${File.separator}lapse-report.html")

// check failed the build, naming the group: signal, count, who is kept alive, where it registered, the fix
['Lapse: the report holds lapsed listeners beyond the check\'s limits',
 '*: 1 group, at most 0 allowed',
 '- lifecycle-end x1: ',
 'QuoteView',
 'registered example.PriceFeed#addPriceListener at example.QuoteView.<init> (QuoteView.java:10)',
 'fix: '].each {
    assert log.contains(it) : "the check's failure lacks '${it}'"
}
assert log.contains('lapse-maven-plugin:0.1.0-SNAPSHOT:check') && log.contains('BUILD FAILURE')
assert !log.contains('PriceLabel is kept alive') : 'the clean PriceLabel is no finding'

// the merged report of both forks, in every format, in target/lapse/
def reports = new File(target, 'lapse')
['json', 'txt', 'html', 'sarif'].each {
    assert new File(reports, "lapse-report.${it}").isFile() : "no target/lapse/lapse-report.${it}"
}
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'lapse-report.json'))
assert json.sources.size() == 2 : 'forkCount=2: the report merges both test JVMs'
assert json.findings*.owner*.'class' == ['example.QuoteView']
assert json.stats.findings == 1
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'lapse-report.sarif'))
assert sarif.runs[0].results.size() == 1

// JaCoCo's agent ran beside Lapse's
def exec = new File(target, 'jacoco.exec')
assert exec.isFile() && exec.length() > 0 : 'JaCoCo wrote no jacoco.exec'

// docs/maven-plugin.md shows this build's output (the block after its "excerpt: example-log maven-plugin-check"
// marker): every line of it must be in this build's log, in order, so the page cannot go stale. Only the plugin's
// version and the project's folder differ from the page.
def docLines = new File(lapseRoot, 'docs/maven-plugin.md').readLines()
def marker = docLines.findIndexOf { it.trim() == '<!-- excerpt: example-log maven-plugin-check -->' }
assert marker >= 0 : 'docs/maven-plugin.md has no excerpt of this build'
def excerpt = docLines.drop(marker + 2).takeWhile { !it.startsWith('```') }
assert !excerpt.isEmpty()
def normalised = { String line ->
    line.replaceFirst(/lapse-maven-plugin:[^:\s]+:/, 'lapse-maven-plugin:VERSION:')
        .replaceFirst(/Lapse report: .*[\\\/]target[\\\/]lapse[\\\/]/, 'Lapse report: DIR/target/lapse/')
}
def logLines = log.readLines().collect(normalised)
int at = 0
excerpt.each { line ->
    def wanted = normalised(line)
    while (at < logLines.size() && logLines[at] != wanted) { at++ }
    assert at < logLines.size() : "docs/maven-plugin.md's excerpt is not this build's output from: ${line}"
    at++
}
return true
