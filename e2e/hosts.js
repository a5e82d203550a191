// Real web servers on loopback, configured by the documentation's own
// recipes: the fenced ```nginx and ```caddy blocks of docs/deploying.md are
// read from that file and run as written, with only the folder and the
// address prefix put in, so the documentation cannot drift from what is
// tested. `cargo xtask test` installs Debian's nginx (with its brotli_static
// module) and Caddy, as it installs Chromium.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEPLOYING = readFileSync(new URL('../docs/deploying.md', import.meta.url), 'utf8');

/// docs/deploying.md's fenced block of `lang`; there must be exactly one.
export function recipe(lang) {
  const blocks = [...DEPLOYING.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
  if (blocks.length !== 1) throw new Error(`docs/deploying.md has ${blocks.length} \`\`\`${lang} blocks; the host tests run exactly one`);
  return blocks[0];
}

/// The recipe for a bundle in `dir` served at `prefix` ('' for the host's
/// root, '/news/folio' below it), as a publisher would adapt it.
function adapt(text, dir, prefix) {
  return text.replaceAll('/srv/www', dir).replaceAll('/folio/', `${prefix}/`);
}

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).status < 500) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

function nginxConfig(tmp, port, block) {
  const brotli = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
  return `${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
load_module ${brotli};
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;
  default_type application/octet-stream;
  sendfile on;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
${block}
  }
}
`;
}

function caddyConfig(port, block) {
  return `{
  admin off
  auto_https off
}
http://127.0.0.1:${port} {
${block}
}
`;
}

/// Starts `kind` ('nginx', 'nginx-spa' or 'caddy') serving a copy of the
/// release dist/ at `prefix`. Returns its bundle root URL, the copy's
/// folder, and `stop()`.
export async function startHost(kind, prefix) {
  const tmp = mkdtempSync(join(tmpdir(), `folio-${kind}-`));
  const www = join(tmp, 'www');
  mkdirSync(join(www, prefix), { recursive: true });
  cpSync(new URL('../dist', import.meta.url), join(www, prefix), { recursive: true });
  const port = await freePort();
  let child;
  if (kind.startsWith('nginx')) {
    let block = adapt(recipe('nginx'), www, prefix);
    if (kind === 'nginx-spa') {
      // docs/deploying.md's variant: the SPA fallback in place of error_page.
      block = block.replace(/error_page 404 [^;]+;/, `try_files $uri $uri/ ${prefix}/index.html;`);
      if (!block.includes('try_files')) throw new Error('the nginx recipe has no error_page line to swap');
    }
    const conf = join(tmp, 'nginx.conf');
    writeFileSync(conf, nginxConfig(tmp, port, block));
    child = spawn('nginx', ['-c', conf, '-p', tmp], { stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    const conf = join(tmp, 'Caddyfile');
    writeFileSync(conf, caddyConfig(port, adapt(recipe('caddy'), www, prefix)));
    child = spawn('caddy', ['run', '--config', conf, '--adapter', 'caddyfile'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, XDG_DATA_HOME: join(tmp, 'data'), XDG_CONFIG_HOME: join(tmp, 'config'), HOME: tmp },
    });
  }
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}${prefix}`;
  await Promise.race([waitFor(`${url}/`), exited.then((code) => { throw new Error(`${kind} exited (${code}); see ${tmp}`); })]);
  return {
    url,
    dir: join(www, prefix),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
