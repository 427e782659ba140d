// What a release publishes, as this build made it: invoker:install put every published module (with its attached
// jars) into the examples' repository, as `mvn install` would into a user's. Checks each artifact's files, its POM's
// metadata and dependencies, and its jar's manifest and licence files. With -Prelease (release=true), also the
// sources and Javadoc jars.
import java.util.jar.JarFile

def repo = new File(localRepositoryPath, 'dev/lapse')
def version = lapseVersion
def releasing = release == 'true'

// artifactId -> [Automatic-Module-Name, the dependencies a user's build resolves (compile and runtime scope)]
def published = [
    'lapse-api'         : ['dev.lapse', []],
    'lapse-agent'       : ['dev.lapse.agent', []],
    'lapse-weak'        : ['dev.lapse.weak', []],
    'lapse-junit5'      : ['dev.lapse.junit5',
                           ['dev.lapse:lapse-api', 'dev.lapse:lapse-agent', 'org.junit.jupiter:junit-jupiter-api']],
    'lapse-maven-plugin': ['dev.lapse.maven', ['dev.lapse:lapse-agent']],
]

// artifactId -> its module's folder
def modules = ['lapse-api': 'api', 'lapse-agent': 'agent', 'lapse-weak': 'weak', 'lapse-junit5': 'junit5',
               'lapse-maven-plugin': 'maven-plugin']

def pomOf = { String artifact -> new groovy.xml.XmlSlurper().parse(new File(repo, "${artifact}/${version}/${artifact}-${version}.pom")) }

// the parent carries what a public repository asks of every POM; the modules inherit it
def parent = pomOf('lapse-parent')
assert parent.name.text() && parent.description.text() && parent.url.text().startsWith('https://')
assert parent.licenses.license.name.text() == 'Apache-2.0'
assert parent.licenses.license.url.text() == 'https://www.apache.org/licenses/LICENSE-2.0.txt'
assert parent.scm.url.text() && parent.scm.connection.text().startsWith('scm:git:')
assert parent.developers.developer.size() >= 1
assert parent.dependencies.size() == 0 : 'the parent POM must give its children no dependencies'

published.each { artifact, expected ->
    def (moduleName, dependencies) = expected
    def dir = new File(repo, "${artifact}/${version}")
    def jar = new File(dir, "${artifact}-${version}.jar")
    assert jar.isFile() : "no ${jar}"

    def pom = pomOf(artifact)
    assert pom.name.text() && pom.description.text() : "${artifact}: name and description"
    assert pom.parent.artifactId.text() == 'lapse-parent' : "${artifact}: inherits the metadata from lapse-parent"
    def resolved = pom.dependencies.dependency
            .findAll { !(it.scope.text() in ['test', 'provided']) && it.optional.text() != 'true' }
            .collect { "${it.groupId.text()}:${it.artifactId.text()}".toString() }
    assert resolved.sort() == dependencies.sort() : "${artifact} depends on ${resolved}, expected ${dependencies}"

    new JarFile(jar).withCloseable { j ->
        assert j.manifest.mainAttributes.getValue('Automatic-Module-Name') == moduleName : "${artifact}: module name"
        assert j.manifest.mainAttributes.getValue('Implementation-Version') == version : "${artifact}: version"
        ['META-INF/LICENSE', 'META-INF/NOTICE'].each { assert j.getEntry(it) != null : "${artifact}: no ${it}" }
    }

    // invoker:install copies the main artifacts only; what a release attaches (and deploys) is in the module's target
    if (releasing) {
        def built = new File(lapseRoot, "${modules[artifact]}/target").listFiles()
        def attached = { String classifier ->
            def file = built.find { it.name.startsWith(artifact) && it.name.endsWith("-${classifier}.jar") }
            assert file != null : "${artifact}: the release profile attached no ${classifier} jar"
            file
        }
        new JarFile(attached('sources')).withCloseable { j ->
            assert j.entries().toList().any { it.name.endsWith('.java') } : "${artifact}: sources jar without sources"
        }
        new JarFile(attached('javadoc')).withCloseable { j ->
            assert j.getEntry('index.html') != null : "${artifact}: Javadoc jar without index.html"
        }
    }
    assert !dir.listFiles().any { it.name.endsWith('-tests.jar') } : "${artifact}: a test jar is published"
}

// the agent's POM is the dependency-reduced one: what the jar bundles is no dependency of anyone's build
def bundled = pomOf('lapse-agent').dependencies.dependency
        .findAll { it.groupId.text() in ['net.bytebuddy', 'org.slf4j', 'org.ow2.asm'] }
        .collect { it.artifactId.text() }
assert bundled.isEmpty() : "lapse-agent's POM lists what its jar bundles, in any scope: ${bundled}"

// the plugin is a Maven plugin with the goals the docs name
new JarFile(new File(repo, "lapse-maven-plugin/${version}/lapse-maven-plugin-${version}.jar")).withCloseable { j ->
    def descriptor = new groovy.xml.XmlSlurper().parse(j.getInputStream(j.getEntry('META-INF/maven/plugin.xml')))
    assert descriptor.goalPrefix.text() == 'lapse'
    assert descriptor.mojos.mojo.goal*.text().sort() == ['check', 'prepare-agent', 'report']
}

// and nothing else is published: the modules that are not set lapse.skipPublish (no install, no deploy)
['demo-app', 'bench', 'examples', 'corpus', 'realcode', 'realsuites'].each { module ->
    def pom = new groovy.xml.XmlSlurper().parse(new File(lapseRoot, "${module}/pom.xml"))
    assert pom.properties.'lapse.skipPublish'.text() == 'true' : "${module} would be published"
}
def reactor = new groovy.xml.XmlSlurper().parse(new File(lapseRoot, 'pom.xml')).modules.module*.text()
assert (reactor - ['demo-app', 'examples', 'corpus', 'realcode']).sort() == modules.values().sort() : "a module this check misses: ${reactor}"
return true
