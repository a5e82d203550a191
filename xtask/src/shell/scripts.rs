//! The two scripts a page's `<base>` runs before anything else: the
//! route page's check of its root, and the root finder of the pages a
//! host may answer any address with.

/// Confirms a route page's `<base href>` names the bundle root, while the
/// parser is still in `<head>`: the links that follow resolve against it.
///
/// A route file's relative base is right wherever the bundle is deployed,
/// as long as the host serves the file at its own address. Hosts need not:
/// without a trailing slash (`…/article/x/2`, which nginx's `try_files
/// $uri/` serves as is), `../../` climbs one level too many. The page knows
/// its route (`data-route`), so it checks that the address ends with it
/// and takes the root from there, at no cost, and remembers that root
/// (`folio.roots`) for the pages that cannot know theirs ([`ROOT_FINDER`]).
/// An absolute base (the offline worker writes one into the pages it
/// stands in with) is taken as it is.
pub const ROUTE_CHECK: &str = "(function(){var b=document.querySelector('base'),r='/'+b.getAttribute('data-route'),\
p=location.pathname,k='folio.roots',l,x;if(b.getAttribute('href').charAt(0)=='/')return;\
if(p.slice(-r.length)==r)x=p.slice(0,1-r.length);else{r=r.slice(0,-1);if(p.slice(-r.length)!=r)return;\
b.setAttribute('href',x=p.slice(0,1-r.length))}\
try{l=(localStorage.getItem(k)||'').split(' ');if(l.indexOf(x)<0)localStorage.setItem(k,[x].concat(l).slice(0,8).join(' ').trim())}catch(e){}})()";

/// Finds the bundle root for a page a host may answer any address with:
/// the home page's `index.html` (a host with an SPA fallback,
/// `try_files … /index.html`, sends it for every unknown address) and
/// `404.html` (served at any depth). It never waits for the network.
///
/// 1. The longest root this browser found before that holds the address
///    (`folio.roots`, which every route page adds to).
/// 2. Else the address's folder before its first Folio segment
///    (`…/zh/article/x/` → `…/`).
/// 3. Else the page's own folder (the home page, at its own address), or
///    for `404.html`, which is never the root's own file, the host's root.
///
/// Unless that is the page's own folder and known to be the root (a home
/// page at `/`, or one remembered), it then checks, asynchronously, that
/// this deploy's code is there (`{root}{data-code}/main.js`, answered as a
/// script and not as the HTML a fallback sends for any file). If it is
/// not, it walks up from the address to find the folder that has it,
/// remembers it and reloads once, so the page loads again from the right
/// root. The check asks for this deploy's own code, not a file every
/// deploy has: two bundles under one origin (a site at `/` and a preview at
/// `/preview/`) are told apart. An absolute base is taken as it is.
pub const ROOT_FINDER: &str = "(function(){var b=document.querySelector('base'),c=b.getAttribute('data-code'),\
p=location.pathname,d=p.replace(/[^/]*$/,''),k='folio.roots',l=[],g='',i,m;\
if(b.getAttribute('href').charAt(0)=='/')return;try{l=(localStorage.getItem(k)||'').split(' ')}catch(e){}\
for(i=0;i<l.length;i++)if(l[i]&&p.indexOf(l[i])==0&&l[i].length>g.length)g=l[i];\
if(!g){m=/^(.*?\\/)(?:zh|dual|embed|latest|edition|section|article|search|timeline)(?:\\/|$)/.exec(p);\
g=m?m[1]:b.hasAttribute('data-anywhere')?'/':d}if(g!=d)b.setAttribute('href',g);\
if(g==d&&(d=='/'||l.indexOf(d)>=0))return;\
function is(x){return fetch(x+c+'/main.js',{method:'HEAD'}).then(function(r){\
return r.ok&&/script/.test(r.headers.get('content-type')||'')},function(){return false})}\
function keep(x){try{l=(localStorage.getItem(k)||'').split(' ');\
if(l.indexOf(x)<0)localStorage.setItem(k,[x].concat(l).slice(0,8).join(' ').trim());\
return localStorage.getItem(k).split(' ').indexOf(x)>=0}catch(e){return false}}\
function up(x){return is(x).then(function(y){return y?x:x=='/'?'':up(x.replace(/[^/]*\\/$/,''))})}\
is(g).then(function(y){if(y)return keep(g);return up(d).then(function(x){try{\
if(x&&x!=g&&keep(x)&&sessionStorage.getItem(k)!=location.href){sessionStorage.setItem(k,location.href);location.reload()}\
}catch(e){}})})})()";
