var Fs=Object.defineProperty;var Us=Object.getOwnPropertyDescriptor;var g=(s,i,r,a)=>{for(var n=a>1?void 0:a?Us(i,r):i,d=s.length-1,p;d>=0;d--)(p=s[d])&&(n=(a?p(i,r,n):p(n))||n);return a&&n&&Fs(i,r,n),n};var _t=globalThis,At=_t.ShadowRoot&&(_t.ShadyCSS===void 0||_t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,nr=Symbol(),li=new WeakMap,Xe=class{constructor(i,r,a){if(this._$cssResult$=!0,a!==nr)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=i,this.t=r}get styleSheet(){let i=this.o,r=this.t;if(At&&i===void 0){let a=r!==void 0&&r.length===1;a&&(i=li.get(r)),i===void 0&&((this.o=i=new CSSStyleSheet).replaceSync(this.cssText),a&&li.set(r,i))}return i}toString(){return this.cssText}},di=s=>new Xe(typeof s=="string"?s:s+"",void 0,nr),Q=(s,...i)=>{let r=s.length===1?s[0]:i.reduce((a,n,d)=>a+(p=>{if(p._$cssResult$===!0)return p.cssText;if(typeof p=="number")return p;throw Error("Value passed to 'css' function must be a 'css' function result: "+p+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+s[d+1],s[0]);return new Xe(r,s,nr)},ci=(s,i)=>{if(At)s.adoptedStyleSheets=i.map(r=>r instanceof CSSStyleSheet?r:r.styleSheet);else for(let r of i){let a=document.createElement("style"),n=_t.litNonce;n!==void 0&&a.setAttribute("nonce",n),a.textContent=r.cssText,s.appendChild(a)}},sr=At?s=>s:s=>s instanceof CSSStyleSheet?(i=>{let r="";for(let a of i.cssRules)r+=a.cssText;return di(r)})(s):s;var{is:js,defineProperty:Vs,getOwnPropertyDescriptor:qs,getOwnPropertyNames:Ws,getOwnPropertySymbols:Gs,getPrototypeOf:Qs}=Object,Et=globalThis,pi=Et.trustedTypes,Ks=pi?pi.emptyScript:"",Zs=Et.reactiveElementPolyfillSupport,Je=(s,i)=>s,Ye={toAttribute(s,i){switch(i){case Boolean:s=s?Ks:null;break;case Object:case Array:s=s==null?s:JSON.stringify(s)}return s},fromAttribute(s,i){let r=s;switch(i){case Boolean:r=s!==null;break;case Number:r=s===null?null:Number(s);break;case Object:case Array:try{r=JSON.parse(s)}catch{r=null}}return r}},Ct=(s,i)=>!js(s,i),ui={attribute:!0,type:String,converter:Ye,reflect:!1,useDefault:!1,hasChanged:Ct};Symbol.metadata??=Symbol("metadata"),Et.litPropertyMetadata??=new WeakMap;var be=class extends HTMLElement{static addInitializer(i){this._$Ei(),(this.l??=[]).push(i)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(i,r=ui){if(r.state&&(r.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(i)&&((r=Object.create(r)).wrapped=!0),this.elementProperties.set(i,r),!r.noAccessor){let a=Symbol(),n=this.getPropertyDescriptor(i,a,r);n!==void 0&&Vs(this.prototype,i,n)}}static getPropertyDescriptor(i,r,a){let{get:n,set:d}=qs(this.prototype,i)??{get(){return this[r]},set(p){this[r]=p}};return{get:n,set(p){let f=n?.call(this);d?.call(this,p),this.requestUpdate(i,f,a)},configurable:!0,enumerable:!0}}static getPropertyOptions(i){return this.elementProperties.get(i)??ui}static _$Ei(){if(this.hasOwnProperty(Je("elementProperties")))return;let i=Qs(this);i.finalize(),i.l!==void 0&&(this.l=[...i.l]),this.elementProperties=new Map(i.elementProperties)}static finalize(){if(this.hasOwnProperty(Je("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Je("properties"))){let r=this.properties,a=[...Ws(r),...Gs(r)];for(let n of a)this.createProperty(n,r[n])}let i=this[Symbol.metadata];if(i!==null){let r=litPropertyMetadata.get(i);if(r!==void 0)for(let[a,n]of r)this.elementProperties.set(a,n)}this._$Eh=new Map;for(let[r,a]of this.elementProperties){let n=this._$Eu(r,a);n!==void 0&&this._$Eh.set(n,r)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(i){let r=[];if(Array.isArray(i)){let a=new Set(i.flat(1/0).reverse());for(let n of a)r.unshift(sr(n))}else i!==void 0&&r.push(sr(i));return r}static _$Eu(i,r){let a=r.attribute;return a===!1?void 0:typeof a=="string"?a:typeof i=="string"?i.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(i=>this.enableUpdating=i),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(i=>i(this))}addController(i){(this._$EO??=new Set).add(i),this.renderRoot!==void 0&&this.isConnected&&i.hostConnected?.()}removeController(i){this._$EO?.delete(i)}_$E_(){let i=new Map,r=this.constructor.elementProperties;for(let a of r.keys())this.hasOwnProperty(a)&&(i.set(a,this[a]),delete this[a]);i.size>0&&(this._$Ep=i)}createRenderRoot(){let i=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return ci(i,this.constructor.elementStyles),i}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(i=>i.hostConnected?.())}enableUpdating(i){}disconnectedCallback(){this._$EO?.forEach(i=>i.hostDisconnected?.())}attributeChangedCallback(i,r,a){this._$AK(i,a)}_$ET(i,r){let a=this.constructor.elementProperties.get(i),n=this.constructor._$Eu(i,a);if(n!==void 0&&a.reflect===!0){let d=(a.converter?.toAttribute!==void 0?a.converter:Ye).toAttribute(r,a.type);this._$Em=i,d==null?this.removeAttribute(n):this.setAttribute(n,d),this._$Em=null}}_$AK(i,r){let a=this.constructor,n=a._$Eh.get(i);if(n!==void 0&&this._$Em!==n){let d=a.getPropertyOptions(n),p=typeof d.converter=="function"?{fromAttribute:d.converter}:d.converter?.fromAttribute!==void 0?d.converter:Ye;this._$Em=n;let f=p.fromAttribute(r,d.type);this[n]=f??this._$Ej?.get(n)??f,this._$Em=null}}requestUpdate(i,r,a,n=!1,d){if(i!==void 0){let p=this.constructor;if(n===!1&&(d=this[i]),a??=p.getPropertyOptions(i),!((a.hasChanged??Ct)(d,r)||a.useDefault&&a.reflect&&d===this._$Ej?.get(i)&&!this.hasAttribute(p._$Eu(i,a))))return;this.C(i,r,a)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(i,r,{useDefault:a,reflect:n,wrapped:d},p){a&&!(this._$Ej??=new Map).has(i)&&(this._$Ej.set(i,p??r??this[i]),d!==!0||p!==void 0)||(this._$AL.has(i)||(this.hasUpdated||a||(r=void 0),this._$AL.set(i,r)),n===!0&&this._$Em!==i&&(this._$Eq??=new Set).add(i))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(r){Promise.reject(r)}let i=this.scheduleUpdate();return i!=null&&await i,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,d]of this._$Ep)this[n]=d;this._$Ep=void 0}let a=this.constructor.elementProperties;if(a.size>0)for(let[n,d]of a){let{wrapped:p}=d,f=this[n];p!==!0||this._$AL.has(n)||f===void 0||this.C(n,void 0,d,f)}}let i=!1,r=this._$AL;try{i=this.shouldUpdate(r),i?(this.willUpdate(r),this._$EO?.forEach(a=>a.hostUpdate?.()),this.update(r)):this._$EM()}catch(a){throw i=!1,this._$EM(),a}i&&this._$AE(r)}willUpdate(i){}_$AE(i){this._$EO?.forEach(r=>r.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(i)),this.updated(i)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(i){return!0}update(i){this._$Eq&&=this._$Eq.forEach(r=>this._$ET(r,this[r])),this._$EM()}updated(i){}firstUpdated(i){}};be.elementStyles=[],be.shadowRootOptions={mode:"open"},be[Je("elementProperties")]=new Map,be[Je("finalized")]=new Map,Zs?.({ReactiveElement:be}),(Et.reactiveElementVersions??=[]).push("2.1.2");var lr=globalThis,hi=s=>s,kt=lr.trustedTypes,mi=kt?kt.createPolicy("lit-html",{createHTML:s=>s}):void 0,dr="$lit$",$e=`lit$${Math.random().toFixed(9).slice(2)}$`,cr="?"+$e,Xs=`<${cr}>`,Le=document,tt=()=>Le.createComment(""),rt=s=>s===null||typeof s!="object"&&typeof s!="function",pr=Array.isArray,$i=s=>pr(s)||typeof s?.[Symbol.iterator]=="function",or=`[ 	
\f\r]`,et=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,fi=/-->/g,yi=/>/g,Re=RegExp(`>|${or}(?:([^\\s"'>=/]+)(${or}*=${or}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),vi=/'/g,gi=/"/g,wi=/^(?:script|style|textarea|title)$/i,ur=s=>(i,...r)=>({_$litType$:s,strings:i,values:r}),$=ur(1),xi=ur(2),Ko=ur(3),we=Symbol.for("lit-noChange"),w=Symbol.for("lit-nothing"),bi=new WeakMap,Pe=Le.createTreeWalker(Le,129);function _i(s,i){if(!pr(s)||!s.hasOwnProperty("raw"))throw Error("invalid template strings array");return mi!==void 0?mi.createHTML(i):i}var Ai=(s,i)=>{let r=s.length-1,a=[],n,d=i===2?"<svg>":i===3?"<math>":"",p=et;for(let f=0;f<r;f++){let y=s[f],E,z,x=-1,I=0;for(;I<y.length&&(p.lastIndex=I,z=p.exec(y),z!==null);)I=p.lastIndex,p===et?z[1]==="!--"?p=fi:z[1]!==void 0?p=yi:z[2]!==void 0?(wi.test(z[2])&&(n=RegExp("</"+z[2],"g")),p=Re):z[3]!==void 0&&(p=Re):p===Re?z[0]===">"?(p=n??et,x=-1):z[1]===void 0?x=-2:(x=p.lastIndex-z[2].length,E=z[1],p=z[3]===void 0?Re:z[3]==='"'?gi:vi):p===gi||p===vi?p=Re:p===fi||p===yi?p=et:(p=Re,n=void 0);let S=p===Re&&s[f+1].startsWith("/>")?" ":"";d+=p===et?y+Xs:x>=0?(a.push(E),y.slice(0,x)+dr+y.slice(x)+$e+S):y+$e+(x===-2?f:S)}return[_i(s,d+(s[r]||"<?>")+(i===2?"</svg>":i===3?"</math>":"")),a]},it=class s{constructor({strings:i,_$litType$:r},a){let n;this.parts=[];let d=0,p=0,f=i.length-1,y=this.parts,[E,z]=Ai(i,r);if(this.el=s.createElement(E,a),Pe.currentNode=this.el.content,r===2||r===3){let x=this.el.content.firstChild;x.replaceWith(...x.childNodes)}for(;(n=Pe.nextNode())!==null&&y.length<f;){if(n.nodeType===1){if(n.hasAttributes())for(let x of n.getAttributeNames())if(x.endsWith(dr)){let I=z[p++],S=n.getAttribute(x).split($e),B=/([.?@])?(.*)/.exec(I);y.push({type:1,index:d,name:B[2],strings:S,ctor:B[1]==="."?Tt:B[1]==="?"?Mt:B[1]==="@"?Rt:Ie}),n.removeAttribute(x)}else x.startsWith($e)&&(y.push({type:6,index:d}),n.removeAttribute(x));if(wi.test(n.tagName)){let x=n.textContent.split($e),I=x.length-1;if(I>0){n.textContent=kt?kt.emptyScript:"";for(let S=0;S<I;S++)n.append(x[S],tt()),Pe.nextNode(),y.push({type:2,index:++d});n.append(x[I],tt())}}}else if(n.nodeType===8)if(n.data===cr)y.push({type:2,index:d});else{let x=-1;for(;(x=n.data.indexOf($e,x+1))!==-1;)y.push({type:7,index:d}),x+=$e.length-1}d++}}static createElement(i,r){let a=Le.createElement("template");return a.innerHTML=i,a}};function Oe(s,i,r=s,a){if(i===we)return i;let n=a!==void 0?r._$Co?.[a]:r._$Cl,d=rt(i)?void 0:i._$litDirective$;return n?.constructor!==d&&(n?._$AO?.(!1),d===void 0?n=void 0:(n=new d(s),n._$AT(s,r,a)),a!==void 0?(r._$Co??=[])[a]=n:r._$Cl=n),n!==void 0&&(i=Oe(s,n._$AS(s,i.values),n,a)),i}var St=class{constructor(i,r){this._$AV=[],this._$AN=void 0,this._$AD=i,this._$AM=r}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(i){let{el:{content:r},parts:a}=this._$AD,n=(i?.creationScope??Le).importNode(r,!0);Pe.currentNode=n;let d=Pe.nextNode(),p=0,f=0,y=a[0];for(;y!==void 0;){if(p===y.index){let E;y.type===2?E=new De(d,d.nextSibling,this,i):y.type===1?E=new y.ctor(d,y.name,y.strings,this,i):y.type===6&&(E=new Pt(d,this,i)),this._$AV.push(E),y=a[++f]}p!==y?.index&&(d=Pe.nextNode(),p++)}return Pe.currentNode=Le,n}p(i){let r=0;for(let a of this._$AV)a!==void 0&&(a.strings!==void 0?(a._$AI(i,a,r),r+=a.strings.length-2):a._$AI(i[r])),r++}},De=class s{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(i,r,a,n){this.type=2,this._$AH=w,this._$AN=void 0,this._$AA=i,this._$AB=r,this._$AM=a,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let i=this._$AA.parentNode,r=this._$AM;return r!==void 0&&i?.nodeType===11&&(i=r.parentNode),i}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(i,r=this){i=Oe(this,i,r),rt(i)?i===w||i==null||i===""?(this._$AH!==w&&this._$AR(),this._$AH=w):i!==this._$AH&&i!==we&&this._(i):i._$litType$!==void 0?this.$(i):i.nodeType!==void 0?this.T(i):$i(i)?this.k(i):this._(i)}O(i){return this._$AA.parentNode.insertBefore(i,this._$AB)}T(i){this._$AH!==i&&(this._$AR(),this._$AH=this.O(i))}_(i){this._$AH!==w&&rt(this._$AH)?this._$AA.nextSibling.data=i:this.T(Le.createTextNode(i)),this._$AH=i}$(i){let{values:r,_$litType$:a}=i,n=typeof a=="number"?this._$AC(i):(a.el===void 0&&(a.el=it.createElement(_i(a.h,a.h[0]),this.options)),a);if(this._$AH?._$AD===n)this._$AH.p(r);else{let d=new St(n,this),p=d.u(this.options);d.p(r),this.T(p),this._$AH=d}}_$AC(i){let r=bi.get(i.strings);return r===void 0&&bi.set(i.strings,r=new it(i)),r}k(i){pr(this._$AH)||(this._$AH=[],this._$AR());let r=this._$AH,a,n=0;for(let d of i)n===r.length?r.push(a=new s(this.O(tt()),this.O(tt()),this,this.options)):a=r[n],a._$AI(d),n++;n<r.length&&(this._$AR(a&&a._$AB.nextSibling,n),r.length=n)}_$AR(i=this._$AA.nextSibling,r){for(this._$AP?.(!1,!0,r);i!==this._$AB;){let a=hi(i).nextSibling;hi(i).remove(),i=a}}setConnected(i){this._$AM===void 0&&(this._$Cv=i,this._$AP?.(i))}},Ie=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(i,r,a,n,d){this.type=1,this._$AH=w,this._$AN=void 0,this.element=i,this.name=r,this._$AM=n,this.options=d,a.length>2||a[0]!==""||a[1]!==""?(this._$AH=Array(a.length-1).fill(new String),this.strings=a):this._$AH=w}_$AI(i,r=this,a,n){let d=this.strings,p=!1;if(d===void 0)i=Oe(this,i,r,0),p=!rt(i)||i!==this._$AH&&i!==we,p&&(this._$AH=i);else{let f=i,y,E;for(i=d[0],y=0;y<d.length-1;y++)E=Oe(this,f[a+y],r,y),E===we&&(E=this._$AH[y]),p||=!rt(E)||E!==this._$AH[y],E===w?i=w:i!==w&&(i+=(E??"")+d[y+1]),this._$AH[y]=E}p&&!n&&this.j(i)}j(i){i===w?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,i??"")}},Tt=class extends Ie{constructor(){super(...arguments),this.type=3}j(i){this.element[this.name]=i===w?void 0:i}},Mt=class extends Ie{constructor(){super(...arguments),this.type=4}j(i){this.element.toggleAttribute(this.name,!!i&&i!==w)}},Rt=class extends Ie{constructor(i,r,a,n,d){super(i,r,a,n,d),this.type=5}_$AI(i,r=this){if((i=Oe(this,i,r,0)??w)===we)return;let a=this._$AH,n=i===w&&a!==w||i.capture!==a.capture||i.once!==a.once||i.passive!==a.passive,d=i!==w&&(a===w||n);n&&this.element.removeEventListener(this.name,this,a),d&&this.element.addEventListener(this.name,this,i),this._$AH=i}handleEvent(i){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,i):this._$AH.handleEvent(i)}},Pt=class{constructor(i,r,a){this.element=i,this.type=6,this._$AN=void 0,this._$AM=r,this.options=a}get _$AU(){return this._$AM._$AU}_$AI(i){Oe(this,i)}},Ei={M:dr,P:$e,A:cr,C:1,L:Ai,R:St,D:$i,V:Oe,I:De,H:Ie,N:Mt,U:Rt,B:Tt,F:Pt},Js=lr.litHtmlPolyfillSupport;Js?.(it,De),(lr.litHtmlVersions??=[]).push("3.3.3");var Ci=(s,i,r)=>{let a=r?.renderBefore??i,n=a._$litPart$;if(n===void 0){let d=r?.renderBefore??null;a._$litPart$=n=new De(i.insertBefore(tt(),d),d,void 0,r??{})}return n._$AI(s),n};var hr=globalThis,F=class extends be{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let i=super.createRenderRoot();return this.renderOptions.renderBefore??=i.firstChild,i}update(i){let r=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(i),this._$Do=Ci(r,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return we}};F._$litElement$=!0,F.finalized=!0,hr.litElementHydrateSupport?.({LitElement:F});var Ys=hr.litElementPolyfillSupport;Ys?.({LitElement:F});(hr.litElementVersions??=[]).push("4.2.2");var eo={attribute:!0,type:String,converter:Ye,reflect:!1,hasChanged:Ct},to=(s=eo,i,r)=>{let{kind:a,metadata:n}=r,d=globalThis.litPropertyMetadata.get(n);if(d===void 0&&globalThis.litPropertyMetadata.set(n,d=new Map),a==="setter"&&((s=Object.create(s)).wrapped=!0),d.set(r.name,s),a==="accessor"){let{name:p}=r;return{set(f){let y=i.get.call(this);i.set.call(this,f),this.requestUpdate(p,y,s,!0,f)},init(f){return f!==void 0&&this.C(p,void 0,s,f),f}}}if(a==="setter"){let{name:p}=r;return function(f){let y=this[p];i.call(this,f),this.requestUpdate(p,y,s,!0,f)}}throw Error("Unsupported decorator location: "+a)};function C(s){return(i,r)=>typeof r=="object"?to(s,i,r):((a,n,d)=>{let p=n.hasOwnProperty(d);return n.constructor.createProperty(d,a),p?Object.getOwnPropertyDescriptor(n,d):void 0})(s,i,r)}function _(s){return C({...s,state:!0,attribute:!1})}var He=(s,i,r)=>(r.configurable=!0,r.enumerable=!0,Reflect.decorate&&typeof i!="object"&&Object.defineProperty(s,i,r),r);function xe(s,i){return(r,a,n)=>{let d=p=>p.renderRoot?.querySelector(s)??null;if(i){let{get:p,set:f}=typeof a=="object"?r:n??(()=>{let y=Symbol();return{get(){return this[y]},set(E){this[y]=E}}})();return He(r,a,{get(){let y=p.call(this);return y===void 0&&(y=d(this),(y!==null||this.hasUpdated)&&f.call(this,y)),y}})}return He(r,a,{get(){return d(this)}})}}var Be="provisioning",at=class{constructor(i,r){this.hass=i;this.configEntryId=r}call(i,r={}){let a={type:`${Be}/${i}`,...r};return this.configEntryId&&(a.config_entry_id=this.configEntryId),this.hass.callWS(a)}subscribe(i){let r={type:`${Be}/entries/subscribe`};return this.configEntryId&&(r.config_entry_id=this.configEntryId),this.hass.connection.subscribeMessage(i,r)}async coordinators(){return(await this.hass.callWS({type:`${Be}/coordinators`})).coordinators}parse(i){return this.hass.callWS({type:`${Be}/code/parse`,qr_code:i})}async add(i){return(await this.call("entries/add",ro(i))).entry}async update(i,r){return(await this.call("entries/update",{ieee:i,...r})).entry}async remove(i){await this.call("entries/remove",{ieee:i})}importCsv(i){return this.call("entries/import",{csv:i})}async startWindow(i){let r=i===void 0?{}:{duration:i};return(await this.call("window/start",r)).window}async stopWindow(){return(await this.call("window/stop")).window}async setGuard(i){return(await this.call("guard/set",{enabled:i})).window}};function ro(s){let i={};for(let[r,a]of Object.entries(s))typeof a=="string"&&a.trim()!==""&&(i[r]=a.trim());return i}var ki;function Fe(s){return ki??=s.loadBackendTranslation("exceptions",Be).then(i=>typeof i=="function"?i:void 0).catch(()=>{}),ki}function Ue(s){let i=s?.translation_placeholders?.field;return typeof i=="string"?i:void 0}async function se(s,i){let r=i??{};if(r.translation_key){let d=(await Fe(s)??s.localize)(`component.${Be}.exceptions.${r.translation_key}.message`,r.translation_placeholders);if(d)return d}return typeof r.message=="string"&&r.message?r.message:i instanceof Error?i.message:String(i)}var Si=s=>s??w;var re=Q`
  :host {
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, Roboto, "Noto Sans", sans-serif));
    color: var(--primary-text-color, #212121);
    -webkit-font-smoothing: antialiased;
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    font-weight: 500;
    border-radius: 18px;
    border: 1px solid transparent;
    padding: 0 16px;
    min-height: 36px;
    cursor: pointer;
    background: transparent;
    color: var(--primary-color, #03a9f4);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  button.primary {
    background: var(--primary-color, #03a9f4);
    color: var(--text-primary-color, #fff);
  }
  button.outlined {
    border-color: var(--outline-color, var(--divider-color, rgba(0, 0, 0, 0.12)));
  }
  button.danger {
    color: var(--error-color, #db4437);
  }
  button.primary.danger {
    background: var(--error-color, #db4437);
    color: var(--text-primary-color, #fff);
  }
  button.icon {
    width: 40px;
    height: 40px;
    min-height: 40px;
    padding: 8px;
    border-radius: 50%;
    color: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  button.icon svg {
    width: 24px;
    height: 24px;
    fill: currentColor;
  }
  /* Hover only where there is a pointer that hovers: on touch it would stick after a tap. */
  @media (hover: hover) {
    button:not(:disabled):hover {
      background-color: color-mix(in srgb, var(--primary-color, #03a9f4) 8%, transparent);
    }
    button.primary:not(:disabled):hover {
      background-color: color-mix(in srgb, var(--primary-color, #03a9f4) 88%, black);
    }
  }
  label.field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-size: 0.85em;
    color: var(--secondary-text-color, #727272);
  }
  input[type="text"],
  input[type="password"],
  input[type="search"],
  select,
  textarea {
    font: inherit;
    font-size: 1rem;
    color: var(--primary-text-color, #212121);
    background: var(--input-fill-color, var(--secondary-background-color, #f5f5f5));
    border: 1px solid transparent;
    border-bottom: 1px solid var(--input-idle-line-color, var(--secondary-text-color, #727272));
    border-radius: 4px 4px 0 0;
    padding: 8px 12px;
    min-height: 40px;
    width: 100%;
  }
  /* A focused field shows Home Assistant's thick primary-coloured underline, not an outline. */
  input[type="text"]:focus,
  input[type="password"]:focus,
  input[type="search"]:focus,
  select:focus,
  textarea:focus {
    outline: none;
    border-bottom-color: var(--primary-color, #03a9f4);
    box-shadow: inset 0 -1px 0 var(--primary-color, #03a9f4);
  }
  input[aria-invalid="true"],
  select[aria-invalid="true"] {
    border-bottom: 2px solid var(--error-color, #db4437);
  }
  input[aria-invalid="true"]:focus,
  select[aria-invalid="true"]:focus {
    border-bottom-color: var(--error-color, #db4437);
    box-shadow: none;
  }
  .field-error {
    color: var(--error-color, #db4437);
    font-size: 0.85rem;
  }
  .alert {
    border-radius: 4px;
    padding: 8px 12px;
    margin: 8px 0;
    background: color-mix(in srgb, var(--error-color, #db4437) 12%, transparent);
    color: var(--primary-text-color, #212121);
    border-left: 4px solid var(--error-color, #db4437);
  }
  .alert.ok {
    background: color-mix(in srgb, var(--success-color, #43a047) 12%, transparent);
    border-left-color: var(--success-color, #43a047);
  }
  .alert.info {
    background: color-mix(in srgb, var(--info-color, #039be5) 12%, transparent);
    border-left-color: var(--info-color, #039be5);
  }
  .secondary {
    color: var(--secondary-text-color, #727272);
  }
  .mono {
    font-family: var(--ha-font-family-code, ui-monospace, "Roboto Mono", monospace);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`,Lt=Q`
  dialog {
    border: none;
    border-radius: var(--ha-dialog-border-radius, 24px);
    padding: 0;
    width: min(560px, calc(100vw - 32px));
    max-height: calc(100vh - 32px);
    background: var(--card-background-color, var(--ha-card-background, #fff));
    color: var(--primary-text-color, #212121);
    box-shadow: 0 8px 32px rgba(0, 0, 0, 0.35);
  }
  dialog::backdrop {
    background: rgba(0, 0, 0, 0.45);
  }
  .dialog-body {
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 16px 24px;
  }
  .dialog-head {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 16px 16px 0 24px;
  }
  .dialog-head h2 {
    flex: 1;
    margin: 0;
    font-size: 1.4rem;
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    flex-wrap: wrap;
    gap: 8px;
    padding: 8px 24px 20px;
  }
  @media (max-width: 600px) {
    dialog,
    dialog:modal {
      width: 100vw;
      max-width: 100vw;
      height: 100%;
      max-height: 100%;
      border-radius: 0;
    }
  }
`,W={menu:"M3,6H21V8H3V6M3,11H21V13H3V11M3,16H21V18H3V16Z",close:"M19,6.41L17.59,5L12,10.59L6.41,5L5,6.41L10.59,12L5,17.59L6.41,19L12,13.41L17.59,19L19,17.59L13.41,12L19,6.41Z",pencil:"M20.71,7.04C21.1,6.65 21.1,6 20.71,5.63L18.37,3.29C18,2.9 17.35,2.9 16.96,3.29L15.12,5.12L18.87,8.87M3,17.25V21H6.75L17.81,9.93L14.06,6.18L3,17.25Z",delete:"M19,4H15.5L14.5,3H9.5L8.5,4H5V6H19M6,19A2,2 0 0,0 8,21H16A2,2 0 0,0 18,19V7H6V19Z",openInNew:"M14,3V5H17.59L7.76,14.83L9.17,16.24L19,6.41V10H21V3M19,19H5V5H12V3H5C3.89,3 3,3.9 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V12H19V19Z",plus:"M19,13H13V19H11V13H5V11H11V5H13V11H19V13Z",camera:"M4,4H7L9,2H15L17,4H20A2,2 0 0,1 22,6V18A2,2 0 0,1 20,20H4A2,2 0 0,1 2,18V6A2,2 0 0,1 4,4M12,7A5,5 0 0,0 7,12A5,5 0 0,0 12,17A5,5 0 0,0 17,12A5,5 0 0,0 12,7M12,9A3,3 0 0,1 15,12A3,3 0 0,1 12,15A3,3 0 0,1 9,12A3,3 0 0,1 12,9Z",upload:"M9,16V10H5L12,3L19,10H15V16H9M5,20V18H19V20H5Z",eye:"M12,9A3,3 0 0,0 9,12A3,3 0 0,0 12,15A3,3 0 0,0 15,12A3,3 0 0,0 12,9M12,17A5,5 0 0,1 7,12A5,5 0 0,1 12,7A5,5 0 0,1 17,12A5,5 0 0,1 12,17M12,4.5C7,4.5 2.73,7.61 1,12C2.73,16.39 7,19.5 12,19.5C17,19.5 21.27,16.39 23,12C21.27,7.61 17,4.5 12,4.5Z",eyeOff:"M11.83,9L15,12.16C15,12.11 15,12.05 15,12A3,3 0 0,0 12,9C11.94,9 11.89,9 11.83,9M7.53,9.8L9.08,11.35C9.03,11.56 9,11.77 9,12A3,3 0 0,0 12,15C12.22,15 12.44,14.97 12.65,14.92L14.2,16.47C13.53,16.8 12.79,17 12,17A5,5 0 0,1 7,12C7,11.21 7.2,10.47 7.53,9.8M2,4.27L4.28,6.55L4.73,7C3.08,8.3 1.78,10 1,12C2.73,16.39 7,19.5 12,19.5C13.55,19.5 15.03,19.2 16.38,18.66L16.81,19.08L19.73,22L21,20.73L3.27,3M12,7A5,5 0 0,1 17,12C17,12.64 16.87,13.26 16.64,13.82L19.57,16.75C21.07,15.5 22.27,13.86 23,12C21.27,7.61 17,4.5 12,4.5C10.6,4.5 9.26,4.75 8,5.2L10.17,7.35C10.74,7.13 11.35,7 12,7Z",sortAsc:"M7,15L12,10L17,15H7Z",sortDesc:"M7,10L12,15L17,10H7Z"};function Y(s,i){customElements.get(s)||customElements.define(s,i)}function J(s){return xi`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${s}></path></svg>`}function ie(s,i,r){s.dispatchEvent(new CustomEvent(i,{detail:r,bubbles:!0,composed:!0}))}function Ti(s){history.pushState(null,"",s),window.dispatchEvent(new CustomEvent("location-changed"))}function je(s,i,r){let a=Object.values(s??{}).sort((n,d)=>n.name.localeCompare(d.name));return $`<option value="" ?selected=${!i}>${r("no_area")}</option>
    ${a.map(n=>$`<option value=${n.area_id} ?selected=${n.area_id===i}>
          ${n.name}
        </option>`)}`}var fe=class extends F{constructor(){super(...arguments);this.label="";this.value="";this.error="";this.name="";this.autocomplete="off";this.shown=!1}static{this.shadowRootOptions={...F.shadowRootOptions,delegatesFocus:!0}}render(){let r=this.localize;return $`<label class="field">
        <span>${this.label}</span>
        <span class="wrap">
          <input
            id="input"
            name=${this.name}
            type=${this.shown?"text":"password"}
            autocomplete=${this.autocomplete}
            spellcheck="false"
            autocapitalize="off"
            aria-invalid=${this.error?"true":"false"}
            aria-describedby=${Si(this.error?"error":void 0)}
            .value=${this.value}
            @input=${a=>{this.value=a.target.value,this.dispatchEvent(new CustomEvent("value-changed",{detail:this.value}))}}
          />
          <button
            type="button"
            class="icon"
            aria-pressed=${this.shown?"true":"false"}
            aria-label=${this.shown?r("hide_secret"):r("show_secret")}
            title=${this.shown?r("hide_secret"):r("show_secret")}
            @click=${()=>{this.shown=!this.shown}}
          >
            ${J(this.shown?W.eyeOff:W.eye)}
          </button>
        </span>
      </label>
      ${this.error?$`<div id="error" class="field-error" role="alert">${this.error}</div>`:w}`}static{this.styles=[re,Q`
      :host {
        display: block;
      }
      .wrap {
        display: flex;
        align-items: center;
        gap: 4px;
      }
      .wrap input {
        flex: 1;
      }
      button.icon {
        color: var(--secondary-text-color, #727272);
      }
    `]}};g([C()],fe.prototype,"label",2),g([C()],fe.prototype,"value",2),g([C()],fe.prototype,"error",2),g([C()],fe.prototype,"name",2),g([C()],fe.prototype,"autocomplete",2),g([C({attribute:!1})],fe.prototype,"localize",2),g([_()],fe.prototype,"shown",2);Y("provisioning-secret-input",fe);var X=class extends F{constructor(){super(...arguments);this.typeMode="qr";this.qr="";this.ieee="";this.keyType="install_code";this.key="";this.name="";this.areaId="";this.fieldErrors={};this.typeError="";this.busy=!1}async submit(r){if(r.preventDefault(),this.busy)return;let a={name:this.name,area_id:this.areaId};this.typeMode==="qr"?a.qr_code=this.qr:(a.ieee=this.ieee,a[this.keyType]=this.key),this.busy=!0,this.fieldErrors={},this.typeError="",ie(this,"add-message",void 0);try{let n=await this.api.add(a);this.store.put(n),ie(this,"entry-added",n),ie(this,"add-message",{kind:"ok",text:this.localize("added",{name:n.name||n.ieee})}),this.qr="",this.ieee="",this.key="",this.name=""}catch(n){let d=await se(this.hass,n),p=Ue(n),f=p==="install_code"||p==="link_key"?"key":p==="qr_code"&&this.typeMode==="qr"?"qr_code":p==="ieee"&&this.typeMode==="fields"?"ieee":void 0;if(f){this.fieldErrors={[f]:d};let y=f==="key"?"type-key":f==="qr_code"?"type-qr":"type-ieee";this.updateComplete.then(()=>this.renderRoot.querySelector(`#${y}`)?.focus())}else this.typeError=d}finally{this.busy=!1}}render(){let r=this.localize,a=this.fieldErrors;return $`<form id="type-form" @submit=${this.submit}>
      ${this.typeError?$`<div class="alert" role="alert" id="type-error">${this.typeError}</div>`:w}
      <fieldset class="mode">
        <legend>${r("type_mode")}</legend>
        <label
          ><input
            type="radio"
            name="type-mode"
            id="mode-qr"
            .checked=${this.typeMode==="qr"}
            @change=${()=>{this.typeMode="qr"}}
          />${r("type_qr")}</label
        >
        <label
          ><input
            type="radio"
            name="type-mode"
            id="mode-fields"
            .checked=${this.typeMode==="fields"}
            @change=${()=>{this.typeMode="fields"}}
          />${r("type_fields")}</label
        >
      </fieldset>
      ${this.typeMode==="qr"?$`<provisioning-secret-input
            id="type-qr"
            name="qr_code"
            .label=${r("qr_code")}
            .value=${this.qr}
            .error=${a.qr_code??""}
            .localize=${r}
            @value-changed=${n=>{this.qr=n.detail}}
          ></provisioning-secret-input>`:$`<label class="field"
              >${r("ieee")}
              <input
                id="type-ieee"
                name="ieee"
                type="text"
                class="mono"
                autocomplete="off"
                spellcheck="false"
                placeholder="00:11:22:33:44:55:66:77"
                aria-invalid=${a.ieee?"true":"false"}
                aria-describedby="type-ieee-error"
                .value=${this.ieee}
                @input=${n=>{this.ieee=n.target.value}}
              />
            </label>
            ${a.ieee?$`<div id="type-ieee-error" class="field-error" role="alert">${a.ieee}</div>`:w}
            <label class="field"
              >${r("key_type")}
              <select
                id="type-key-type"
                name="key_type"
                @change=${n=>{this.keyType=n.target.value}}
              >
                <option value="install_code" ?selected=${this.keyType==="install_code"}>
                  ${r("install_code")}
                </option>
                <option value="link_key" ?selected=${this.keyType==="link_key"}>${r("link_key")}</option>
              </select>
            </label>
            <provisioning-secret-input
              id="type-key"
              name=${this.keyType}
              .label=${this.keyType==="install_code"?r("install_code"):r("link_key")}
              .value=${this.key}
              .error=${a.key??""}
              .localize=${r}
              @value-changed=${n=>{this.key=n.detail}}
            ></provisioning-secret-input>`}
      <label class="field"
        >${r("name")}
        <input
          id="type-name"
          name="name"
          type="text"
          autocomplete="off"
          .value=${this.name}
          @input=${n=>{this.name=n.target.value}}
        />
      </label>
      <label class="field"
        >${r("area")}
        <select
          id="type-area"
          name="area_id"
          @change=${n=>{this.areaId=n.target.value}}
        >
          ${je(this.hass.areas,this.areaId,r)}
        </select>
      </label>
      <div class="buttons">
        <button type="submit" id="type-add" class="primary" ?disabled=${this.busy}>
          ${r("add_device")}
        </button>
      </div>
    </form>`}static{this.styles=[re,Q`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
      }
      fieldset.mode {
        border: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 16px;
      }
      fieldset.mode legend {
        padding: 0;
        margin-bottom: 4px;
        color: var(--secondary-text-color, #727272);
      }
      fieldset.mode label {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
    `]}};g([C({attribute:!1})],X.prototype,"hass",2),g([C({attribute:!1})],X.prototype,"api",2),g([C({attribute:!1})],X.prototype,"store",2),g([C({attribute:!1})],X.prototype,"localize",2),g([_()],X.prototype,"typeMode",2),g([_()],X.prototype,"qr",2),g([_()],X.prototype,"ieee",2),g([_()],X.prototype,"keyType",2),g([_()],X.prototype,"key",2),g([_()],X.prototype,"name",2),g([_()],X.prototype,"areaId",2),g([_()],X.prototype,"fieldErrors",2),g([_()],X.prototype,"typeError",2),g([_()],X.prototype,"busy",2);Y("provisioning-type-form",X);var io={NotFoundError:"no_camera",DevicesNotFoundError:"no_camera",OverconstrainedError:"no_camera",ConstraintNotSatisfiedError:"no_camera",NotAllowedError:"denied",PermissionDeniedError:"denied",SecurityError:"denied",NotReadableError:"in_use",TrackStartError:"in_use",AbortError:"in_use"};function Mi(s){let i=s?.name;return typeof i=="string"&&io[i]||"unavailable"}var ao={qr_code:"qr_code",data_matrix:"data_matrix"};function Ri(s){let i=s?.auth?.external;return i?.config?.hasBarCodeScanner?i:void 0}var Ot=class{constructor(i,r){this.app=i;this.handlers=r;this.wrapped=!1}get scanning(){return this.wrapped}open(i){this.wrapped||(this.previous=window.externalBus,window.externalBus=r=>this.receive(r),this.wrapped=!0),this.app.fireMessage({type:"bar_code/scan",payload:{...i}})}notify(i){this.app.fireMessage({type:"bar_code/notify",payload:{message:i}})}close(){this.wrapped&&(this.app.fireMessage({type:"bar_code/close"}),this.restore())}restore(){this.wrapped&&(window.externalBus=this.previous,this.previous=void 0,this.wrapped=!1)}receive(i){let r=i.type==="command"?i.command:void 0;if(r!=="bar_code/scan_result"&&r!=="bar_code/aborted"){this.previous?.(i);return}i.id!==void 0&&this.app.fireMessage({id:i.id,type:"result",success:!0,result:null});let a=i.payload??{};if(r==="bar_code/aborted"){this.restore(),this.handlers.onAborted(String(a.reason??"canceled"));return}let n=ao[String(a.format)]??null;this.handlers.onRead(String(a.rawValue??""),n)}};var de=[["All","*","*","     ",0,"All"],["AllReadable","*","r","     ",0,"All Readable"],["AllCreatable","*","w","     ",0,"All Creatable"],["AllLinear","*","l","     ",0,"All Linear"],["AllMatrix","*","m","     ",0,"All Matrix"],["AllGS1","*","G","     ",0,"All GS1"],["AllRetail","*","R","     ",0,"All Retail"],["AllIndustrial","*","I","     ",0,"All Industrial"],["Codabar","F"," ","lrw  ",18,"Codabar"],["Code39","A"," ","lrw I",8,"Code 39"],["Code39Std","A","s","lrw I",8,"Code 39 Standard"],["Code39Ext","A","e","lr  I",9,"Code 39 Extended"],["Code32","A","2","lr  I",129,"Code 32"],["PZN","A","p","lr  I",52,"Pharmazentralnummer"],["Code93","G"," ","lrw I",25,"Code 93"],["Code128","C"," ","lrwGI",20,"Code 128"],["ITF","I"," ","lrw I",3,"ITF"],["ITF14","I","4","lr  I",89,"ITF-14"],["DataBar","e"," ","lr GR",29,"DataBar"],["DataBarOmni","e","o","lr GR",29,"DataBar Omni"],["DataBarStk","e","s","lr GR",79,"DataBar Stacked"],["DataBarStkOmni","e","O","lr GR",80,"DataBar Stacked Omni"],["DataBarLtd","e","l","lr GR",30,"DataBar Limited"],["DataBarExp","e","e","lr GR",31,"DataBar Expanded"],["DataBarExpStk","e","E","lr GR",81,"DataBar Expanded Stacked"],["EANUPC","E"," ","lr  R",15,"EAN/UPC"],["EAN13","E","1","lrw R",15,"EAN-13"],["EAN8","E","8","lrw R",10,"EAN-8"],["EAN5","E","5","l   R",12,"EAN-5"],["EAN2","E","2","l   R",11,"EAN-2"],["ISBN","E","i","lr  R",69,"ISBN"],["UPCA","E","a","lrw R",34,"UPC-A"],["UPCE","E","e","lrw R",37,"UPC-E"],["Telepen","B"," ","lr  I",32,"Telepen"],["TelepenAlpha","B","0","lr  I",32,"Telepen Alpha"],["TelepenNumeric","B","1","lr  I",87,"Telepen Numeric"],["OtherBarcode","X"," "," r   ",0,"Other barcode"],["DXFilmEdge","X","x","lr   ",147,"DX Film Edge"],["PDF417","L"," ","mrw  ",55,"PDF417"],["CompactPDF417","L","c","mr   ",56,"Compact PDF417"],["MicroPDF417","L","m","mr   ",84,"MicroPDF417"],["Aztec","z"," ","mr G ",92,"Aztec"],["AztecCode","z","c","mrwG ",92,"Aztec Code"],["AztecRune","z","r","mr   ",128,"Aztec Rune"],["QRCode","Q"," ","mrwG ",58,"QR Code"],["QRCodeModel1","Q","1","mr   ",0,"QR Code Model 1"],["QRCodeModel2","Q","2","mr   ",58,"QR Code Model 2"],["MicroQRCode","Q","m","mr   ",97,"Micro QR Code"],["RMQRCode","Q","r","mr G ",145,"rMQR Code"],["DataMatrix","d"," ","mrwG ",71,"Data Matrix"],["MaxiCode","U"," ","mr   ",57,"MaxiCode"]],no={DataBarExpanded:"DataBarExp",DataBarLimited:"DataBarLtd","Linear-Codes":"AllLinear","Matrix-Codes":"AllMatrix",Any:"All",rMQRCode:"RMQRCode"},so=de.map(s=>s[5]),oo=de.filter(s=>s[1]==="*").map(s=>s[0]),lo=de.filter(s=>s[1]!=="*").map(s=>s[0]);var co=de.filter(s=>s[2]===" ").map(s=>s[0]),po=de.filter(s=>s[3][0]==="l").map(s=>s[0]);var uo=de.filter(s=>s[3][0]==="m").map(s=>s[0]);var ho=de.filter(s=>s[3][1]==="r").map(s=>s[0]),mo=de.filter(s=>s[3][2]==="w"||s[4]!==0).map(s=>s[0]),fo=de.filter(s=>s[3][3]==="G").map(s=>s[0]),yo=de.filter(s=>s[3][4]==="R").map(s=>s[0]),vo=de.filter(s=>s[3][4]==="I").map(s=>s[0]);function Pi(s){var i;return(i=no[s])==null?s:i}function Li(s){return s.map(Pi).join(",")}var Oi=["LocalAverage","GlobalHistogram","FixedThreshold","BoolCast"];function go(s){return Oi.indexOf(s)}var fr="Unknown.ASCII.ISO8859_1.ISO8859_2.ISO8859_3.ISO8859_4.ISO8859_5.ISO8859_6.ISO8859_7.ISO8859_8.ISO8859_9.ISO8859_10.ISO8859_11.ISO8859_13.ISO8859_14.ISO8859_15.ISO8859_16.Cp437.Cp1250.Cp1251.Cp1252.Cp1256.Shift_JIS.Big5.GB2312.GB18030.EUC_JP.EUC_KR.UTF16BE.UTF8.UTF16LE.UTF32BE.UTF32LE.BINARY".split(".");function bo(s){return s==="UnicodeBig"?fr.indexOf("UTF16BE"):fr.indexOf(s)}var Ii=["Text","Binary","Mixed","GS1","ISO15434","UnknownECI"];function $o(s){return Ii[s]}var Hi=["Ignore","Read","Require"];function wo(s){return Hi.indexOf(s)}var zi=["Plain","ECI","HRI","Escaped","Hex","HexECI"];function xo(s){return zi.indexOf(s)}var It={formats:[],tryHarder:!0,tryRotate:!0,tryInvert:!0,tryDownscale:!0,tryDenoise:!1,binarizer:"LocalAverage",isPure:!1,downscaleFactor:3,downscaleThreshold:500,minLineCount:2,maxNumberOfSymbols:255,validateOptionalChecksum:!1,returnErrors:!1,eanAddOnSymbol:"Ignore",textMode:"HRI",characterSet:"Unknown",tryCode39ExtendedMode:!0};function _o(s){var i;return{...s,formats:Li(s.formats),binarizer:go(s.binarizer),eanAddOnSymbol:wo(s.eanAddOnSymbol),textMode:xo(s.textMode),characterSet:bo(s.characterSet),tryCode39ExtendedMode:(i=s.tryCode39ExtendedMode)==null||i}}function Ao(s){return{...s,orientation:s.rotation,format:s.format,symbology:s.symbology,contentType:$o(s.contentType)}}var Eo={format:"QRCode",readerInit:!1,forceSquareDataMatrix:!1,ecLevel:"",scale:1,sizeHint:0,rotate:0,invert:!1,withHRT:!1,withQuietZones:!0,addHRT:!1,addQuietZones:!0,options:""};function Co(s,i){let r=s.byteLength>>2;for(let a=0;a<r;a+=1024){let n=Math.min(a+1024,r);for(let d=a;d<n;d++){let p=d<<2;i[d]=306*s[p]+601*s[p+1]+117*s[p+2]+512>>10}}}var ko={locateFile:(s,i)=>{let r=s.match(/_(.+?)\.wasm$/);return r?`https://fastly.jsdelivr.net/npm/zxing-wasm@3.1.6/dist/${r[1]}/${s}`:i+s}},mr=new WeakMap;function So(s,i){return Object.is(s,i)||Object.keys(s).length===Object.keys(i).length&&Object.keys(s).every(r=>Object.prototype.hasOwnProperty.call(i,r)&&s[r]===i[r])}function yr(s){let{overrides:i,equalityFn:r=So,fireImmediately:a=!1}=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{};var n;let[d,p]=(n=mr.get(s))==null?[ko]:n,f=i??d,y;if(a){if(p&&(y=r(d,f)))return p;let E=s({...f});return mr.set(s,[f,E]),E}(y??r(d,f))||mr.set(s,[f])}async function Ni(s,i){let r=arguments.length>2&&arguments[2]!==void 0?arguments[2]:It,a={...It,...r},n=await yr(s,{fireImmediately:!0}),d,p=_o(a);if("width"in i&&"height"in i&&"data"in i){let{width:f,height:y}=i,E=i.data.buffer===n.HEAPU8.buffer?i.data.slice():i.data,z=E.byteLength/4,x=n._malloc(z);if(!x)throw Error(`Failed to allocate ${z} bytes in WASM memory`);try{Co(E,n.HEAPU8.subarray(x,x+z)),d=n.readBarcodesFromPixmap(x,f,y,p)}finally{n._free(x)}}else{let f;if("buffer"in i)f=i;else if("byteLength"in i)f=new Uint8Array(i);else if("size"in i)f=new Uint8Array(await i.arrayBuffer());else throw TypeError("Invalid input type");let y=n._malloc(f.byteLength);if(!y)throw Error(`Failed to allocate ${f.byteLength} bytes in WASM memory`);try{n.HEAPU8.set(f,y),d=n.readBarcodesFromImage(y,f.byteLength,p)}finally{n._free(y)}}try{let f=[],y=d.size();for(let E=0;E<y;++E)f.push(Ao(d.get(E)));return f}finally{d.delete()}}var To={...It,formats:[...It.formats]},od={...Eo};function Mo(s,i,r){return i in s?Object.defineProperty(s,i,{value:r,enumerable:!0,configurable:!0,writable:!0}):s[i]=r,s}async function Di(){let s=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};var i,r,a,n=s,d=!!globalThis.window,p=!!globalThis.WorkerGlobalScope;(r=globalThis.process)!=null&&(i=r.versions)!=null&&i.node&&((a=globalThis.process)==null||a.type);var f=(e,t)=>{throw t},y=void 0,E="";function z(e){return n.locateFile?n.locateFile(e,E):E+e}var x,I;if(d||p||typeof fetch=="function"){try{E=new URL(".",y).href}catch{}p&&(I=e=>{var t=new XMLHttpRequest;return t.open("GET",e,!1),t.responseType="arraybuffer",t.send(null),new Uint8Array(t.response)}),x=async e=>{var t=await fetch(e,{credentials:"same-origin"});if(t.ok)return t.arrayBuffer();throw Error(t.status+" : "+t.url)}}console.log.bind(console);var S=console.error.bind(console),B,ee=!1,_e;class k{}class Ft extends k{constructor(t){super(),this.excPtr=t}}function ua(){return gt.buffer}function $r(){var e;if(!(ve!=null&&(e=ve.buffer)!=null&&e.resizable)){var t=ua();ve=new Int8Array(t),yt=new Int16Array(t),n.HEAPU8=oe=new Uint8Array(t),Ke=new Uint16Array(t),vt=new Int32Array(t),j=new Uint32Array(t),Fr=new Float32Array(t),Ur=new Float64Array(t)}}function ha(){var e=n.preRun;e&&(typeof e=="function"&&(e=[e]),Ar.push(...e)),xr(Ar)}function ma(){bt.ra()}function fa(){var e=n.postRun;e&&(typeof e=="function"&&(e=[e]),_r.push(...e)),xr(_r)}function Ut(e){var t;throw(t=n.onAbort)==null||t.call(n,e),e=`Aborted(${e})`,S(e),ee=!0,e+=". Build with -sASSERTIONS for more info.",new WebAssembly.RuntimeError(e)}var st;function ya(){return z("zxing_reader.wasm")}function va(e){if(e==st&&B)return new Uint8Array(B);if(I)return I(e);throw"both async and sync fetching of the wasm failed"}async function ga(e){if(!B)try{var t=await x(e);return new Uint8Array(t)}catch{}return va(e)}async function ba(e,t){try{var o=await ga(e);return await WebAssembly.instantiate(o,t)}catch(l){S(`failed to asynchronously prepare wasm: ${l}`),Ut(l)}}async function $a(e,t,o){if(!e)try{var l=fetch(t,{credentials:"same-origin"});return await WebAssembly.instantiateStreaming(l,o)}catch(c){S(`wasm streaming compile failed: ${c}`),S("falling back to ArrayBuffer instantiation")}return ba(t,o)}function wa(){return{a:ls}}async function xa(){function e(c){return bt=c.exports,os(bt),$r(),bt}function t(c){return e(c.instance)}var o=wa(),l=n.instantiateWasm;return l?new Promise(c=>{l(o,u=>c(e(u)))}):(st!=null||(st=ya()),t(await $a(B,st,o)))}class wr{constructor(t){Mo(this,"name","ExitStatus"),this.message=`Program terminated with exit(${t})`,this.status=t}}var ve,xr=e=>{for(;e.length>0;)e.shift()(n)},_r=[],Ar=[],jt=!0,R=e=>ti(e),P=()=>ii(),Er=[],T=e=>{var t=Er[e];return t||(Er[e]=t=oi.get(e)),t},_a=(e,t)=>T(e)(t),qe=[],Vt=0,j;class qt{set_type(t){j[this.ptr+4>>2]=t}get_type(){return j[this.ptr+4>>2]}set_destructor(t){j[this.ptr+8>>2]=t}get_destructor(){return j[this.ptr+8>>2]}set_caught(t){t=+!!t,ve[this.ptr+12]=t}get_caught(){return ve[this.ptr+12]!=0}set_rethrown(t){t=+!!t,ve[this.ptr+13]=t}get_rethrown(){return ve[this.ptr+13]!=0}init(t,o){this.set_adjusted_ptr(0),this.set_type(t),this.set_destructor(o)}set_adjusted_ptr(t){j[this.ptr+16>>2]=t}get_adjusted_ptr(){return j[this.ptr+16>>2]}constructor(t){this.excPtr=t,this.ptr=t-24}}var Aa=e=>{var t=new qt(e);return t.get_caught()||(t.set_caught(!0),Vt--),t.set_rethrown(!1),qe.push(t),Jr(e)},Ae=null,Ea=()=>{M(0,0);var e=qe.pop();ai(e.excPtr),Ae=null},ot=e=>ei(e),Wt=e=>{var t=Ae?.excPtr;if(!t)return ot(0),0;var o=new qt(t);o.set_adjusted_ptr(t);var l=o.get_type();if(!l)return ot(0),t;for(var c of e){if(!c||c===l)break;var u=o.ptr+16;if(ni(c,l,u))return ot(c),t}return ot(l),t},Ca=()=>Wt([]),ka=e=>Wt([e]),Sa=(e,t)=>Wt([e,t]),Cr=e=>{throw e},Ta=()=>{qe.length||Ut("no exception to throw");var e=qe[qe.length-1],t=e.excPtr;e.set_rethrown(!0),e.set_caught(!1),Vt++,ar(t),t=Ae=new Ft(t),Cr(t)},Ma=(e,t,o)=>{new qt(e).init(t,o),ar(e),e=Ae=new Ft(e),Vt++,Cr(e)},Ra=e=>{throw e},Pa=e=>{e=Ae??(Ae=new Ft(e)),Ra(e)},La=()=>Ut(""),lt={},Gt=e=>{for(;e.length;){var t=e.pop();e.pop()(t)}};function We(e){return this.fromWireType(j[e>>2])}var ze={},Te={},dt={};class Oa extends Error{constructor(t){super(t),this.name="InternalError"}}var ct=e=>{throw new Oa(e)},Ee=(e,t,o)=>{e.forEach(m=>dt[m]=t);function l(m){var v=o(m);v.length!==e.length&&ct("Mismatched type converter count");for(var b=0;b<e.length;++b)pe(e[b],v[b])}var c=Array(t.length),u=[],h=0;for(let[m,v]of t.entries())Te.hasOwnProperty(v)?c[m]=Te[v]:(u.push(v),ze.hasOwnProperty(v)||(ze[v]=[]),ze[v].push(()=>{c[m]=Te[v],++h,h===u.length&&l(c)}));u.length===0&&l(c)},Ia=e=>ri(e),oe,Ha=(e,t)=>oe.fill(0,e,e+t),za=e=>{var t=lt[e];delete lt[e];var o=t.rawConstructor,l=t.rawDestructor,c=t.valueSize,u=t.isTrivial,h=t.fields,m=h.map(v=>v.getterReturnType).concat(h.map(v=>v.setterArgumentType));Ee([e],m,v=>{var b={};for(var[A,N]of h.entries()){let H=v[A],O=N.getter,D=N.getterContext,V=v[A+h.length],te=N.setter,he=N.setterContext;var G=V.destructorFunction===null&&!V.argStackAlloc?(q,ne)=>te(he,q,V.toWireType(null,ne)):(q,ne)=>{var Me=[];te(he,q,V.toWireType(Me,ne)),Gt(Me)};b[N.fieldName]={read:q=>H.fromWireType(O(D,q)),write:G,optional:H.optional}}return[{name:t.name,fromWireType:H=>{var O={};for(var D in b)O[D]=b[D].read(H);return l(H),O},toWireType:(H,O)=>{for(var D in b)if(!(D in O)&&!b[D].optional)throw TypeError(`Missing field: "${D}"`);var V;for(D in u&&!H?(V=Ia(c),Ha(V,c)):(V=o(),H&&H.push(l,V)),b)b[D].write(V,O[D]);return V},readValueFromPointer:We,destructorFunction:u?null:l,argStackAlloc:u}]})},Na=(e,t,o,l,c)=>{},Z=e=>{for(var t="";;){var o=oe[e++];if(!o)return t;t+=String.fromCharCode(o)}};class Ge extends Error{constructor(t){super(t),this.name="BindingError"}}var L=e=>{throw new Ge(e)};function Da(e,t){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:{};var l=t.name;if(e||L(`type "${l}" must have a positive integer typeid pointer`),Te.hasOwnProperty(e)){if(o.ignoreDuplicateRegistrations)return;L(`Cannot register type '${l}' twice`)}if(Te[e]=t,delete dt[e],ze.hasOwnProperty(e)){var c=ze[e];delete ze[e],c.forEach(u=>u())}}function pe(e,t){return Da(e,t,arguments.length>2&&arguments[2]!==void 0?arguments[2]:{})}var Ba=(e,t,o,l)=>{t=Z(t),pe(e,{name:t,fromWireType:function(c){return!!c},toWireType:function(c,u){return u?o:l},readValueFromPointer:function(c){return this.fromWireType(oe[c])},destructorFunction:null})},Fa=e=>({count:e.count,deleteScheduled:e.deleteScheduled,preservePointerOnDelete:e.preservePointerOnDelete,ptr:e.ptr,ptrType:e.ptrType,smartPtr:e.smartPtr,smartPtrType:e.smartPtrType}),Qt=e=>{function t(o){return o.$$.ptrType.registeredClass.name}L(t(e)+" instance already deleted")},Kt=!1,kr=e=>{},Ua=e=>{e.smartPtr?e.smartPtrType.rawDestructor(e.smartPtr):e.ptrType.registeredClass.rawDestructor(e.ptr)},Sr=e=>{--e.count.value,e.count.value===0&&Ua(e)},Qe=e=>globalThis.FinalizationRegistry?(Kt=new FinalizationRegistry(t=>{Sr(t.$$)}),Qe=t=>{var o=t.$$;if(o.smartPtr){var l={$$:o};Kt.register(t,l,t)}return t},kr=t=>Kt.unregister(t),Qe(e)):(Qe=t=>t,e),pt=[],ja=()=>{for(;pt.length;){var e=pt.pop();e.$$.deleteScheduled=!1,e.delete()}},Tr,Va=()=>{let e=ut.prototype;Object.assign(e,{isAliasOf(o){if(!(this instanceof ut)||!(o instanceof ut))return!1;var l=this.$$.ptrType.registeredClass,c=this.$$.ptr;o.$$=o.$$;for(var u=o.$$.ptrType.registeredClass,h=o.$$.ptr;l.baseClass;)c=l.upcast(c),l=l.baseClass;for(;u.baseClass;)h=u.upcast(h),u=u.baseClass;return l===u&&c===h},clone(){if(this.$$.ptr||Qt(this),this.$$.preservePointerOnDelete)return this.$$.count.value+=1,this;var o=Qe(Object.create(Object.getPrototypeOf(this),{$$:{value:Fa(this.$$)}}));return o.$$.count.value+=1,o.$$.deleteScheduled=!1,o},delete(){this.$$.ptr||Qt(this),this.$$.deleteScheduled&&!this.$$.preservePointerOnDelete&&L("Object already scheduled for deletion"),kr(this),Sr(this.$$),this.$$.preservePointerOnDelete||(this.$$.smartPtr=void 0,this.$$.ptr=void 0)},isDeleted(){return!this.$$.ptr},deleteLater(){return this.$$.ptr||Qt(this),this.$$.deleteScheduled&&!this.$$.preservePointerOnDelete&&L("Object already scheduled for deletion"),pt.push(this),pt.length===1&&Tr&&Tr(ja),this.$$.deleteScheduled=!0,this}});let t=Symbol.dispose;t&&(e[t]=e.delete)};function ut(){}var Zt=(e,t)=>Object.defineProperty(t,"name",{value:e}),Mr={},Rr=(e,t,o)=>{if(e[t].overloadTable===void 0){var l=e[t];e[t]=function(){var c=[...arguments];return e[t].overloadTable.hasOwnProperty(c.length)||L(`Function '${o}' called with an invalid number of arguments (${c.length}) - expects one of (${e[t].overloadTable})!`),e[t].overloadTable[c.length].apply(this,c)},e[t].overloadTable=[],e[t].overloadTable[l.argCount]=l}},Pr=(e,t,o)=>{n.hasOwnProperty(e)?((o===void 0||n[e].overloadTable!==void 0&&n[e].overloadTable[o]!==void 0)&&L(`Cannot register public name '${e}' twice`),Rr(n,e,e),n[e].overloadTable.hasOwnProperty(o)&&L(`Cannot register multiple overloads of a function with the same number of arguments (${o})!`),n[e].overloadTable[o]=t):(n[e]=t,n[e].argCount=o)},qa=48,Wa=57,Ga=e=>{e=e.replace(/[^a-zA-Z0-9_]/g,"$");var t=e.charCodeAt(0);return t>=qa&&t<=Wa?`_${e}`:e};function Qa(e,t,o,l,c,u,h,m){this.name=e,this.constructor=t,this.instancePrototype=o,this.rawDestructor=l,this.baseClass=c,this.getActualType=u,this.upcast=h,this.downcast=m,this.pureVirtualFunctions=[]}var Xt=(e,t,o)=>{for(;t!==o;)t.upcast||L(`Expected null or instance of ${o.name}, got an instance of ${t.name}`),e=t.upcast(e),t=t.baseClass;return e},Jt=e=>{if(e===null)return"null";var t=typeof e;return t==="object"||t==="array"||t==="function"?e.toString():""+e};function Ka(e,t){if(t===null)return this.isReference&&L(`null is not a valid ${this.name}`),0;t.$$||L(`Cannot pass "${Jt(t)}" as a ${this.name}`),t.$$.ptr||L(`Cannot pass deleted object as a pointer of type ${this.name}`);var o=t.$$.ptrType.registeredClass;return Xt(t.$$.ptr,o,this.registeredClass)}function Za(e,t){var o;if(t===null)return this.isReference&&L(`null is not a valid ${this.name}`),this.isSmartPointer?(o=this.rawConstructor(),e!==null&&e.push(this.rawDestructor,o),o):0;(!t||!t.$$)&&L(`Cannot pass "${Jt(t)}" as a ${this.name}`),t.$$.ptr||L(`Cannot pass deleted object as a pointer of type ${this.name}`),!this.isConst&&t.$$.ptrType.isConst&&L(`Cannot convert argument of type ${t.$$.smartPtrType?t.$$.smartPtrType.name:t.$$.ptrType.name} to parameter type ${this.name}`);var l=t.$$.ptrType.registeredClass;if(o=Xt(t.$$.ptr,l,this.registeredClass),this.isSmartPointer)switch(t.$$.smartPtr===void 0&&L("Passing raw pointer to smart pointer is illegal"),this.sharingPolicy){case 0:t.$$.smartPtrType===this?o=t.$$.smartPtr:L(`Cannot convert argument of type ${t.$$.smartPtrType?t.$$.smartPtrType.name:t.$$.ptrType.name} to parameter type ${this.name}`);break;case 1:o=t.$$.smartPtr;break;case 2:if(t.$$.smartPtrType===this)o=t.$$.smartPtr;else{var c=t.clone();o=this.rawShare(o,ue.toHandle(()=>c.delete())),e!==null&&e.push(this.rawDestructor,o)}break;default:L("Unsupported sharing policy")}return o}function Xa(e,t){if(t===null)return this.isReference&&L(`null is not a valid ${this.name}`),0;t.$$||L(`Cannot pass "${Jt(t)}" as a ${this.name}`),t.$$.ptr||L(`Cannot pass deleted object as a pointer of type ${this.name}`),t.$$.ptrType.isConst&&L(`Cannot convert argument of type ${t.$$.ptrType.name} to parameter type ${this.name}`);var o=t.$$.ptrType.registeredClass;return Xt(t.$$.ptr,o,this.registeredClass)}var Lr=(e,t,o)=>{if(t===o)return e;if(o.baseClass===void 0)return null;var l=Lr(e,t,o.baseClass);return l===null?null:o.downcast(l)},Ja={},Ya=(e,t)=>{for(t===void 0&&L("ptr should not be undefined");e.baseClass;)t=e.upcast(t),e=e.baseClass;return t},en=(e,t)=>(t=Ya(e,t),Ja[t]),ht=(e,t)=>((!t.ptrType||!t.ptr)&&ct("makeClassHandle requires ptr and ptrType"),!!t.smartPtrType!=!!t.smartPtr&&ct("Both smartPtrType and smartPtr must be specified"),t.count={value:1},Qe(Object.create(e,{$$:{value:t,writable:!0}})));function tn(e){var t=this.getPointee(e);if(!t)return this.destructor(e),null;var o=en(this.registeredClass,t);if(o!==void 0){if(o.$$.count.value===0)return o.$$.ptr=t,o.$$.smartPtr=e,o.clone();var l=o.clone();return this.destructor(e),l}function c(){return this.isSmartPointer?ht(this.registeredClass.instancePrototype,{ptrType:this.pointeeType,ptr:t,smartPtrType:this,smartPtr:e}):ht(this.registeredClass.instancePrototype,{ptrType:this,ptr:e})}var u=Mr[this.registeredClass.getActualType(t)];if(!u)return c.call(this);var h=this.isConst?u.constPointerType:u.pointerType,m=Lr(t,this.registeredClass,h.registeredClass);return m===null?c.call(this):this.isSmartPointer?ht(h.registeredClass.instancePrototype,{ptrType:h,ptr:m,smartPtrType:this,smartPtr:e}):ht(h.registeredClass.instancePrototype,{ptrType:h,ptr:m})}var rn=()=>{Object.assign(mt.prototype,{getPointee(e){return this.rawGetPointee&&(e=this.rawGetPointee(e)),e},destructor(e){var t,o;(t=(o=this).rawDestructor)==null||t.call(o,e)},readValueFromPointer:We,fromWireType:tn})};function mt(e,t,o,l,c,u,h,m,v,b,A){this.name=e,this.registeredClass=t,this.isReference=o,this.isConst=l,this.isSmartPointer=c,this.pointeeType=u,this.sharingPolicy=h,this.rawGetPointee=m,this.rawConstructor=v,this.rawShare=b,this.rawDestructor=A,!c&&t.baseClass===void 0?l?(this.toWireType=Ka,this.destructorFunction=null):(this.toWireType=Xa,this.destructorFunction=null):this.toWireType=Za}var Or=(e,t,o)=>{n.hasOwnProperty(e)||ct("Replacing nonexistent public symbol"),n[e].overloadTable!==void 0&&o!==void 0?n[e].overloadTable[o]=t:(n[e]=t,n[e].argCount=o)},Ir={},an=(e,t,o)=>{e=e.replace(/p/g,"i");var l=Ir[e];return l(t,...o)},nn=function(e,t){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:[];if(arguments.length>3&&arguments[3]!==void 0&&arguments[3],e.includes("j"))return an(e,t,o);var l=T(t)(...o);function c(u){return u}return l},sn=function(e,t){let o=arguments.length>2&&arguments[2]!==void 0&&arguments[2];return function(){return nn(e,t,[...arguments],o)}},le=function(e,t){arguments.length>2&&arguments[2]!==void 0&&arguments[2],e=Z(e);function o(){return e.includes("j")?sn(e,t):T(t)}var l=o();return typeof l!="function"&&L(`unknown function pointer with signature ${e}: ${t}`),l};class on extends Error{}var Hr=e=>{var t=Xr(e),o=Z(t);return ge(t),o},ft=(e,t)=>{var o=[],l={};function c(u){if(!l[u]&&!Te[u]){if(dt[u]){dt[u].forEach(c);return}o.push(u),l[u]=!0}}throw t.forEach(c),new on(`${e}: `+o.map(Hr).join([", "]))},ln=(e,t,o,l,c,u,h,m,v,b,A,N,G)=>{A=Z(A),u=le(c,u),m&&(m=le(h,m)),b&&(b=le(v,b)),G=le(N,G);var H=Ga(A);Pr(H,function(){ft(`Cannot construct ${A} due to unbound types`,[l])}),Ee([e,t,o],l?[l]:[],O=>{O=O[0];var D,V;l?(D=O.registeredClass,V=D.instancePrototype):V=ut.prototype;var te=Zt(A,function(){var me=[...arguments];if(Object.getPrototypeOf(this)!==he)throw new Ge(`Use 'new' to construct ${A}`);if(q.constructor_body===void 0)throw new Ge(`${A} has no accessible constructor`);var xt=q.constructor_body[me.length];if(xt===void 0)throw new Ge(`Tried to invoke ctor of ${A} with invalid number of parameters (${me.length}) - expected (${Object.keys(q.constructor_body).toString()}) parameters instead!`);return xt.apply(this,me)}),he=Object.create(V,{constructor:{value:te}});te.prototype=he;var q=new Qa(A,te,he,G,D,u,m,b);if(q.baseClass){var ne;(ne=q.baseClass).__derivedClasses!=null||(ne.__derivedClasses=[]),q.baseClass.__derivedClasses.push(q)}var Me=new mt(A,q,!0,!1,!1),$t=new mt(A+"*",q,!1,!1,!1),wt=new mt(A+" const*",q,!1,!0,!1);return Mr[e]={pointerType:$t,constPointerType:wt},Or(H,te),[Me,$t,wt]})},Yt=(e,t)=>{for(var o=[],l=0;l<e;l++)o.push(j[t+l*4>>2]);return o};function dn(e){for(var t=1;t<e.length;++t)if(e[t]!==null&&e[t].destructorFunction===void 0)return!0;return!1}function cn(e){for(var t=1;t<e.length;++t)if(e[t]!==null&&e[t].argStackAlloc)return!0;return!1}function er(e,t,o,l,c,u){var h=t.length;h<2&&L("argTypes array size mismatch! Must at least get return value and receiver (this) types!");var m=t[1]!==null&&o!==null,v=dn(t),b=cn(t),A=b&&!u&&!v;b&&!A&&(v=!0);var N=!t[0].isVoid,G=h-2,H=Array(G),O=[],D=[];return Zt(e,function(){var V=[...arguments];D.length=0;var te;A&&(te=P());var he,q;try{O.length=m?2:1,O[0]=c,m&&(he=t[1].toWireType(D,this),O[1]=he);for(var ne=0;ne<G;++ne){var Me=t[ne+2];H[ne]=Me.toWireType(A&&Me.argStackAlloc?null:D,V[ne]),O.push(H[ne])}q=l(...O)}finally{A&&R(te)}function $t(wt){if(v)Gt(D);else for(var me=m?1:2;me<t.length;me++){var xt=me===1?he:H[me-2];t[me].destructorFunction!==null&&t[me].destructorFunction(xt)}if(N)return t[0].fromWireType(wt)}return $t(q)})}var pn=(e,t,o,l,c,u)=>{var h=Yt(t,o);c=le(l,c),Ee([],[e],m=>{m=m[0];var v=`constructor ${m.name}`;if(m.registeredClass.constructor_body===void 0&&(m.registeredClass.constructor_body=[]),m.registeredClass.constructor_body[t-1]!==void 0)throw new Ge(`Cannot register multiple constructors with identical number of parameters (${t-1}) for class '${m.name}'! Overload resolution is currently only performed using the parameter count, not actual type info!`);return m.registeredClass.constructor_body[t-1]=()=>{ft(`Cannot construct ${m.name} due to unbound types`,h)},Ee([],h,b=>(b.splice(1,0,null),m.registeredClass.constructor_body[t-1]=er(v,b,null,c,u),[])),[]})},zr=e=>{e=e.trim();let t=e.indexOf("(");return t===-1?e:e.slice(0,t)},un=(e,t,o,l,c,u,h,m,v,b)=>{var A=Yt(o,l);t=Z(t),t=zr(t),u=le(c,u,v),Ee([],[e],N=>{N=N[0];var G=`${N.name}.${t}`;t.startsWith("@@")&&(t=Symbol[t.substring(2)]),m&&N.registeredClass.pureVirtualFunctions.push(t);function H(){ft(`Cannot call ${G} due to unbound types`,A)}var O=N.registeredClass.instancePrototype,D=O[t];return D===void 0||D.overloadTable===void 0&&D.className!==N.name&&D.argCount===o-2?(H.argCount=o-2,H.className=N.name,O[t]=H):(Rr(O,t,G),O[t].overloadTable[o-2]=H),Ee([],A,V=>{var te=er(G,V,N,u,h,v);return O[t].overloadTable===void 0?(te.argCount=o-2,O[t]=te):O[t].overloadTable[o-2]=te,[]}),[]})},Nr=[],Ce=[0,1,,1,null,1,!0,1,!1,1],Dr=[],tr=e=>{if(e>9&&--Ce[e+1]===0){var t=Ce[e];Ce[e]=void 0;var o=Dr[e];o&&(Dr[e]=void 0,o(t)),Nr.push(e)}},ue={toValue:e=>(e||L(`Cannot use deleted val. handle = ${e}`),Ce[e]),toHandle:e=>{switch(e){case void 0:return 2;case null:return 4;case!0:return 6;case!1:return 8;default:{let t=Nr.pop()||Ce.length;return Ce[t]=e,Ce[t+1]=1,t}}}},Br={name:"emscripten::val",fromWireType:e=>{var t=ue.toValue(e);return tr(e),t},toWireType:(e,t)=>ue.toHandle(t),readValueFromPointer:We,destructorFunction:null},hn=e=>pe(e,Br),Fr,Ur,mn=(e,t)=>{switch(t){case 4:return function(o){return this.fromWireType(Fr[o>>2])};case 8:return function(o){return this.fromWireType(Ur[o>>3])};default:throw TypeError(`invalid float width (${t}): ${e}`)}},fn=(e,t,o)=>{t=Z(t),pe(e,{name:t,fromWireType:l=>l,toWireType:(l,c)=>c,readValueFromPointer:mn(t,o),destructorFunction:null})},yn=(e,t,o,l,c,u,h,m)=>{var v=Yt(t,o);e=Z(e),e=zr(e),c=le(l,c,h),Pr(e,function(){ft(`Cannot call ${e} due to unbound types`,v)},t-1),Ee([],v,b=>{var A=[b[0],null].concat(b.slice(1));return Or(e,er(e,A,null,c,u,h),t-1),[]})},yt,Ke,vt,vn=(e,t,o)=>{switch(t){case 1:return o?l=>ve[l]:l=>oe[l];case 2:return o?l=>yt[l>>1]:l=>Ke[l>>1];case 4:return o?l=>vt[l>>2]:l=>j[l>>2];default:throw TypeError(`invalid integer width (${t}): ${e}`)}},gn=(e,t,o,l,c)=>{t=Z(t);let u=l===0,h=v=>v;if(u){var m=32-8*o;h=v=>v<<m>>>m,c=h(c)}pe(e,{name:t,fromWireType:h,toWireType:(v,b)=>b,readValueFromPointer:vn(t,o,l!==0),destructorFunction:null})},bn=(e,t,o)=>{let l=(c,u)=>{let h=0;return{next(){if(h>=c)return{done:!0};let m=h;return h++,{value:u(m),done:!1}},[Symbol.iterator](){return this}}};e[Symbol.iterator]||(e[Symbol.iterator]=function(){let c=this[t]();return l(c,u=>this[o](u))})},$n=(e,t,o,l)=>{o=Z(o),l=Z(l),Ee([],[e,t],c=>{let u=c[0];return bn(u.registeredClass.instancePrototype,o,l),[]})},wn=(e,t,o)=>{var l=[Int8Array,Uint8Array,Int16Array,Uint16Array,Int32Array,Uint32Array,Float32Array,Float64Array][t];function c(u){var h=j[u>>2],m=j[u+4>>2];return new l(ve.buffer,m,h)}o=Z(o),pe(e,{name:o,fromWireType:c,readValueFromPointer:c},{ignoreDuplicateRegistrations:!0})},xn=Object.assign({optional:!0},Br),_n=(e,t)=>{pe(e,xn)},An=(e,t,o,l)=>{if(!(l>0))return 0;for(var c=o,u=o+l-1,h=0;h<e.length;++h){var m=e.codePointAt(h);if(m<=127){if(o>=u)break;t[o++]=m}else if(m<=2047){if(o+1>=u)break;t[o++]=192|m>>6,t[o++]=128|m&63}else if(m<=65535){if(o+2>=u)break;t[o++]=224|m>>12,t[o++]=128|m>>6&63,t[o++]=128|m&63}else{if(o+3>=u)break;t[o++]=240|m>>18,t[o++]=128|m>>12&63,t[o++]=128|m>>6&63,t[o++]=128|m&63,h++}}return t[o]=0,o-c},En=(e,t,o)=>An(e,oe,t,o),Cn=e=>{for(var t=0,o=0;o<e.length;++o){var l=e.charCodeAt(o);l<=127?t++:l<=2047?t+=2:l>=55296&&l<=57343?(t+=4,++o):t+=3}return t},jr=globalThis.TextDecoder&&new TextDecoder,Vr=(e,t,o,l)=>{var c=t+o;if(l)return c;for(;e[t]&&!(t>=c);)++t;return t},kn=function(e){let t=arguments.length>1&&arguments[1]!==void 0?arguments[1]:0,o=arguments.length>2?arguments[2]:void 0,l=arguments.length>3?arguments[3]:void 0;var c=Vr(e,t,o,l);if(c-t>16&&e.buffer&&jr)return jr.decode(e.subarray(t,c));for(var u="";t<c;){var h=e[t++];if(!(h&128)){u+=String.fromCharCode(h);continue}var m=e[t++]&63;if((h&224)==192){u+=String.fromCharCode((h&31)<<6|m);continue}var v=e[t++]&63;if(h=(h&240)==224?(h&15)<<12|m<<6|v:(h&7)<<18|m<<12|v<<6|e[t++]&63,h<65536)u+=String.fromCharCode(h);else{var b=h-65536;u+=String.fromCharCode(55296|b>>10,56320|b&1023)}}return u},Sn=(e,t,o)=>e?kn(oe,e,t,o):"",Tn=(e,t)=>{t=Z(t);var o=!0;pe(e,{name:t,fromWireType(l){var c=j[l>>2],u=l+4,h;if(o)h=Sn(u,c,!0);else{h="";for(var m=0;m<c;++m)h+=String.fromCharCode(oe[u+m])}return ge(l),h},toWireType(l,c){c instanceof ArrayBuffer&&(c=new Uint8Array(c));var u,h=typeof c=="string";h||ArrayBuffer.isView(c)&&c.BYTES_PER_ELEMENT==1||L("Cannot pass non-string to std::string"),u=o&&h?Cn(c):c.length;var m=ir(4+u+1),v=m+4;if(j[m>>2]=u,h)if(o)En(c,v,u+1);else for(var b=0;b<u;++b){var A=c.charCodeAt(b);A>255&&(ge(m),L("String has UTF-16 code units that do not fit in 8 bits")),oe[v+b]=A}else oe.set(c,v);return l!==null&&l.push(ge,m),m},readValueFromPointer:We,destructorFunction(l){ge(l)}})},qr=globalThis.TextDecoder?new TextDecoder("utf-16le"):void 0,Mn=(e,t,o)=>{var l=e>>1,c=Vr(Ke,l,t/2,o);if(c-l>16&&qr)return qr.decode(Ke.subarray(l,c));for(var u="",h=l;h<c;++h){var m=Ke[h];u+=String.fromCharCode(m)}return u},Rn=function(e,t){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:2147483647;if(o<2)return 0;o-=2;for(var l=t,c=o<e.length*2?o/2:e.length,u=0;u<c;++u){var h=e.charCodeAt(u);yt[t>>1]=h,t+=2}return yt[t>>1]=0,t-l},Pn=e=>e.length*2,Ln=(e,t,o)=>{for(var l="",c=e>>2,u=0;!(u>=t/4);u++){var h=j[c+u];if(!h&&!o)break;l+=String.fromCodePoint(h)}return l},On=function(e,t){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:2147483647;if(o<4)return 0;for(var l=t,c=l+o-4,u=0;u<e.length;++u){var h=e.codePointAt(u);if(h>65535&&u++,vt[t>>2]=h,t+=4,t+4>c)break}return vt[t>>2]=0,t-l},In=e=>{for(var t=0,o=0;o<e.length;++o)e.codePointAt(o)>65535&&o++,t+=4;return t},Hn=(e,t,o)=>{o=Z(o);var l,c,u;t===2?(l=Mn,c=Rn,u=Pn):(l=Ln,c=On,u=In),pe(e,{name:o,fromWireType:h=>{var m=j[h>>2],v=l(h+4,m*t,!0);return ge(h),v},toWireType:(h,m)=>{typeof m!="string"&&L(`Cannot pass non-string to C++ string type ${o}`);var v=u(m),b=ir(4+v+t);return j[b>>2]=v/t,c(m,b+4,v+t),h!==null&&h.push(ge,b),b},readValueFromPointer:We,destructorFunction(h){ge(h)}})},zn=(e,t,o,l,c,u,h,m)=>{lt[e]={name:Z(t),rawConstructor:le(o,l),rawDestructor:le(c,u),valueSize:h,isTrivial:!!m,fields:[]}},Nn=(e,t,o,l,c,u,h,m,v,b)=>{lt[e].fields.push({fieldName:Z(t),getterReturnType:o,getter:le(l,c),getterContext:u,setterArgumentType:h,setter:le(m,v),setterContext:b})},Dn=(e,t)=>{t=Z(t),pe(e,{isVoid:!0,name:t,fromWireType:()=>{},toWireType:(o,l)=>{}})},Wr=0,Bn=()=>{jt=!1,Wr=0},rr=[],Fn=e=>{var t=rr.length;return rr.push(e),t},Un=(e,t)=>{var o=Te[e];return o===void 0&&L(`${t} has unknown type ${Hr(e)}`),o},jn=(e,t)=>{for(var o=Array(e),l=0;l<e;++l)o[l]=Un(j[t+l*4>>2],`parameter ${l}`);return o},Vn=(e,t,o)=>{var l=[],c=e(l,o);return l.length&&(j[t>>2]=ue.toHandle(l)),c},qn={},Gr=e=>{var t=qn[e];return t===void 0?Z(e):t},Wn=(e,t,o)=>{var[l,...c]=jn(e,t),u=l.toWireType.bind(l),h=c.map(v=>v.readValueFromPointer.bind(v));e--;var m=Array(e);return Fn(Zt(`methodCaller<(${c.map(v=>v.name)}) => ${l.name}>`,(v,b,A,N)=>{for(var G=0,H=0;H<e;++H)m[H]=h[H](N+G),G+=8;var O;switch(o){case 0:O=ue.toValue(v).apply(null,m);break;case 2:O=Reflect.construct(ue.toValue(v),m);break;case 3:O=m[0];break;case 1:O=ue.toValue(v)[Gr(b)](...m)}return Vn(u,A,O)}))},Gn=e=>e?(e=Gr(e),ue.toHandle(globalThis[e])):ue.toHandle(globalThis),Qn=e=>{e>9&&(Ce[e+1]+=1)},Kn=(e,t,o,l,c)=>rr[e](t,o,l,c),Zn=e=>{Gt(ue.toValue(e)),tr(e)},Ze={},Qr=e=>{if(e instanceof wr||e=="unwind")return _e;f(1,e)},Kr=()=>jt||Wr>0,Zr=e=>{if(_e=e,!Kr()){var t;(t=n.onExit)==null||t.call(n,e),ee=!0}f(e,new wr(e))},Xn=(e,t)=>{_e=e,Zr(e)},Jn=()=>{if(!Kr())try{Xn(_e)}catch(e){Qr(e)}},Yn=function(e){var t=[...arguments].slice(1);if(!ee)try{return e(...t)}catch(o){Qr(o)}finally{Jn()}},es=()=>performance.now(),ts=(e,t)=>(Ze[e]&&(clearTimeout(Ze[e].id),delete Ze[e]),t&&(Ze[e]={id:setTimeout(()=>{delete Ze[e],Yn(Yr,e,es())},t),timeout_ms:t}),0),rs=()=>2147483648,is=(e,t)=>Math.ceil(e/t)*t,as=e=>{var t=(e-gt.buffer.byteLength+65535)/65536|0;try{return gt.grow(t),$r(),1}catch{}},ns=e=>{var t=oe.length;e>>>=0;var o=rs();if(e>o)return!1;for(var l=1;l<=4;l*=2){var c=t*(1+.2/l);if(c=Math.min(c,e+100663296),as(Math.min(o,is(Math.max(e,c),65536))))return!0}return!1},ss=e=>e;Va(),rn(),n.noExitRuntime&&(jt=n.noExitRuntime),n.print&&n.print,n.printErr&&(S=n.printErr),n.wasmBinary&&(B=n.wasmBinary),n.arguments&&n.arguments,n.thisProgram&&n.thisProgram;var Ne=n.preInit;if(Ne)for(typeof Ne=="function"&&(n.preInit=Ne=[Ne]);Ne.length>0;)Ne.shift()();var Xr,ir,ge,Jr,Yr,M,ei,ti,ri,ii,ar,ai,ni,si,gt,oi;function os(e){Xr=e.sa,ir=n._malloc=e.ta,ge=n._free=e.ua,Jr=e.va,Yr=e.xa,M=e.ya,ei=e.za,ti=e.Aa,ri=e.Ba,ii=e.Ca,ar=e.Da,ai=e.Ea,ni=e.Fa,si=Ir.iiij=e.Ga,gt=e.qa,oi=e.wa}var ls={aa:_a,v:Aa,I:Ea,a:Ca,i:ka,l:Sa,fa:Ta,s:Ma,e:Pa,ea:La,T:za,W:Na,ia:Ba,pa:ln,oa:pn,E:un,ga:hn,Q:fn,R:yn,y:gn,ka:$n,u:wn,S:_n,ha:Tn,L:Hn,C:zn,U:Nn,ja:Dn,da:Bn,na:Wn,ba:tr,B:Gn,P:Qn,ma:Kn,la:Zn,_:ts,$:ns,Z:Ss,N:Rs,A:vs,b:cs,z:Ms,g:ps,D:ks,h:ys,k:As,o:_s,K:Ts,O:Cs,H:fs,G:Is,V:Ds,c:hs,j:ds,X:Hs,f:ms,M:Ls,J:Ns,d:us,F:zs,m:bs,Y:Os,n:xs,t:ws,x:Es,q:$s,r:Ps,p:gs,w:ss,ca:Zr};function ds(e,t){var o=P();try{T(e)(t)}catch(l){if(R(o),!(l instanceof k))throw l;M(1,0)}}function cs(e,t){var o=P();try{return T(e)(t)}catch(l){if(R(o),!(l instanceof k))throw l;M(1,0)}}function ps(e,t,o){var l=P();try{return T(e)(t,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function us(e,t,o,l){var c=P();try{T(e)(t,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function hs(e){var t=P();try{T(e)()}catch(o){if(R(t),!(o instanceof k))throw o;M(1,0)}}function ms(e,t,o){var l=P();try{T(e)(t,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function fs(e,t,o,l,c,u,h,m){var v=P();try{return T(e)(t,o,l,c,u,h,m)}catch(b){if(R(v),!(b instanceof k))throw b;M(1,0)}}function ys(e,t,o,l){var c=P();try{return T(e)(t,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function vs(e,t,o,l,c,u){var h=P();try{return T(e)(t,o,l,c,u)}catch(m){if(R(h),!(m instanceof k))throw m;M(1,0)}}function gs(e,t,o,l,c,u,h,m,v,b,A){var N=P();try{T(e)(t,o,l,c,u,h,m,v,b,A)}catch(G){if(R(N),!(G instanceof k))throw G;M(1,0)}}function bs(e,t,o,l,c){var u=P();try{T(e)(t,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function $s(e,t,o,l,c,u,h,m,v){var b=P();try{T(e)(t,o,l,c,u,h,m,v)}catch(A){if(R(b),!(A instanceof k))throw A;M(1,0)}}function ws(e,t,o,l,c,u,h){var m=P();try{T(e)(t,o,l,c,u,h)}catch(v){if(R(m),!(v instanceof k))throw v;M(1,0)}}function xs(e,t,o,l,c,u){var h=P();try{T(e)(t,o,l,c,u)}catch(m){if(R(h),!(m instanceof k))throw m;M(1,0)}}function _s(e,t,o,l,c,u){var h=P();try{return T(e)(t,o,l,c,u)}catch(m){if(R(h),!(m instanceof k))throw m;M(1,0)}}function As(e,t,o,l,c){var u=P();try{return T(e)(t,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function Es(e,t,o,l,c,u,h,m){var v=P();try{T(e)(t,o,l,c,u,h,m)}catch(b){if(R(v),!(b instanceof k))throw b;M(1,0)}}function Cs(e,t,o,l,c,u,h){var m=P();try{return T(e)(t,o,l,c,u,h)}catch(v){if(R(m),!(v instanceof k))throw v;M(1,0)}}function ks(e,t,o,l,c){var u=P();try{return T(e)(t,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function Ss(e,t,o){var l=P();try{return T(e)(t,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function Ts(e,t,o,l,c,u,h){var m=P();try{return T(e)(t,o,l,c,u,h)}catch(v){if(R(m),!(v instanceof k))throw v;M(1,0)}}function Ms(e,t,o,l){var c=P();try{return T(e)(t,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function Rs(e,t,o,l){var c=P();try{return T(e)(t,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function Ps(e,t,o,l,c,u,h,m,v,b){var A=P();try{T(e)(t,o,l,c,u,h,m,v,b)}catch(N){if(R(A),!(N instanceof k))throw N;M(1,0)}}function Ls(e,t,o,l,c,u,h,m,v){var b=P();try{T(e)(t,o,l,c,u,h,m,v)}catch(A){if(R(b),!(A instanceof k))throw A;M(1,0)}}function Os(e,t,o,l,c,u,h,m){var v=P();try{T(e)(t,o,l,c,u,h,m)}catch(b){if(R(v),!(b instanceof k))throw b;M(1,0)}}function Is(e,t,o,l,c,u,h,m,v){var b=P();try{return T(e)(t,o,l,c,u,h,m,v)}catch(A){if(R(b),!(A instanceof k))throw A;M(1,0)}}function Hs(e,t,o){var l=P();try{T(e)(t,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function zs(e,t,o,l,c,u,h){var m=P();try{T(e)(t,o,l,c,u,h)}catch(v){if(R(m),!(v instanceof k))throw v;M(1,0)}}function Ns(e,t,o,l,c){var u=P();try{T(e)(t,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function Ds(e,t,o,l,c){var u=P();try{return si(e,t,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}async function Bs(){var e;ha();var t=n.setStatus;t&&(t("Running..."),await new Promise(o=>setTimeout(o,1)),setTimeout(t,1,"")),!ee&&(ma(),(e=n.onRuntimeInitialized)==null||e.call(n),fa())}var bt=await xa();return await Bs(),n}function Bi(s){return yr(Di,s)}async function Fi(s,i){return Ni(Di,s,i)}var Ui=!1;function Vi(){if(Ui)return;Ui=!0;let s=new URL("zxing_reader.wasm",import.meta.url).href;Bi({overrides:{locateFile:(i,r)=>i.endsWith(".wasm")?s:r+i}})}var Ro={QRCode:"qr_code",MicroQRCode:"qr_code",DataMatrix:"data_matrix"};async function qi(s,i){Vi();let a=await Fi(s,{formats:["QRCode","DataMatrix"],tryHarder:i,tryRotate:i,tryInvert:i,tryDownscale:!0,maxNumberOfSymbols:1});for(let n of a){let d=Ro[n.format];if(n.isValid&&d&&n.text)return{text:n.text,format:d}}return null}async function Wi(s){let i=await createImageBitmap(s);try{let r=Math.min(1,2e3/Math.max(i.width,i.height)),a=Math.max(1,Math.round(i.width*r)),n=Math.max(1,Math.round(i.height*r)),d=Gi(a,n);return d.drawImage(i,0,0,a,n),await qi(d.getImageData(0,0,a,n),!0)}finally{i.close()}}function Gi(s,i){let r=document.createElement("canvas");r.width=s,r.height=i;let a=r.getContext("2d",{willReadFrequently:!0});if(!a)throw new Error("canvas 2d context unavailable");return a}function Qi(){return window.isSecureContext&&!!navigator.mediaDevices?.getUserMedia}var Ht=class{constructor(i,r,a){this.video=i;this.onRead=r;this.onError=a;this.frame=0;this.busy=!1;this.stopped=!1;this.paused=!1}async start(){Vi();let i=await navigator.mediaDevices.getUserMedia({video:{facingMode:"environment",width:{ideal:1280},height:{ideal:720}},audio:!1});if(this.stopped){ji(i);return}this.stream=i,this.video.srcObject=i,this.video.muted=!0,this.video.setAttribute("playsinline",""),await this.video.play().catch(()=>{}),this.schedule()}pause(){this.paused=!0}resume(){this.paused=!1}get running(){return this.stream!==void 0&&!this.stopped}stop(){this.stopped=!0,cancelAnimationFrame(this.frame),this.stream&&(ji(this.stream),this.stream=void 0),this.video.srcObject=null}schedule(){this.stopped||(this.frame=requestAnimationFrame(()=>this.tick()))}tick(){this.schedule();let i=this.video;if(this.busy||this.paused||i.readyState<2||!i.videoWidth)return;let r=i.videoWidth,a=i.videoHeight;(!this.context||this.context.canvas.width!==r||this.context.canvas.height!==a)&&(this.context=Gi(r,a)),this.context.drawImage(i,0,0,r,a);let n=this.context.getImageData(0,0,r,a);this.busy=!0,qi(n,!1).then(d=>{d&&!this.stopped&&!this.paused&&this.onRead(d)}).catch(d=>{this.stopped||(this.stop(),this.onError(d))}).finally(()=>{this.busy=!1})}};function ji(s){for(let i of s.getTracks())i.stop()}var Po={failed:0,admitting:1,pending:2,joined:3,revoked:4};function vr(s,i){return s.area_id&&i?.[s.area_id]?i[s.area_id].name:s.area??""}var zt=class{constructor(){this.entries=new Map;this.version=0;this.viewKey="";this.viewCache=[]}apply(i){if(i.type==="snapshot"){this.entries.clear();for(let r of i.entries)this.entries.set(r.ieee,r);return this.version++,!0}if(i.type==="entries"){for(let r of i.removed)this.entries.delete(r);for(let r of i.changed)this.entries.set(r.ieee,r);return this.version++,!0}return!1}put(i){this.entries.set(i.ieee,i),this.version++}delete(i){this.entries.delete(i)&&this.version++}has(i){return this.entries.has(gr(i))}view(i){let r=JSON.stringify([this.version,i.query,i.status,i.sort,i.descending]);if(r===this.viewKey&&i.areas===this.viewAreas)return this.viewCache;let a=i.query.trim().toLowerCase(),n=[];for(let p of this.entries.values()){if(i.status&&p.status!==i.status)continue;let f=vr(p,i.areas);a&&!(p.name??"").toLowerCase().includes(a)&&!p.ieee.includes(a)&&!p.ieee.replaceAll(":","").includes(a.replaceAll(":",""))&&!f.toLowerCase().includes(a)||n.push({entry:p,sortKey:Oo(p,i.sort,f)})}let d=i.descending?-1:1;return n.sort((p,f)=>{if(p.sortKey===""!=(f.sortKey===""))return p.sortKey===""?1:-1;let y=typeof p.sortKey=="number"&&typeof f.sortKey=="number"?p.sortKey-f.sortKey:Lo.compare(String(p.sortKey),String(f.sortKey));return y!==0?y*d:p.entry.ieee<f.entry.ieee?-1:1}),this.viewKey=r,this.viewAreas=i.areas,this.viewCache=n.map(p=>p.entry),this.viewCache}},Lo=new Intl.Collator(void 0,{sensitivity:"base",numeric:!0});function Oo(s,i,r){switch(i){case"name":return s.name??"";case"ieee":return s.ieee;case"area":return r;case"status":return Po[s.status]??9;case"provider":return s.provider_title;case"updated":return Date.parse(s.updated_at)||0}}function gr(s){let i=s.trim().toLowerCase().replace(/[^0-9a-f]/g,"");return i.length!==16?s.trim().toLowerCase():i.match(/../g).join(":")}var nt=["scan","photo","type","import"],Io=2500,U=class extends F{constructor(){super(...arguments);this.tab="scan";this.opened=!1;this.pendingName="";this.pendingArea="";this.busy=!1;this.camera="off";this.cameraError="unavailable";this.fileNames={};this.importErrors=[];this.lastText="";this.lastTime=0}async open(r,a="scan"){this.opener=r,this.tab=a,this.message=void 0,this.opened=!0,Fe(this.hass),await this.updateComplete,this.dialog.open||this.dialog.showModal(),this.syncScanning()}close(){this.dialog?.open&&this.dialog.close()}disconnectedCallback(){super.disconnectedCallback(),this.stopScanning()}onClosed(){this.opened=!1,this.stopScanning(),this.pending=void 0,this.importErrors=[],this.fileNames={},this.lastText="",this.opener?.focus(),this.opener=void 0}updated(r){(r.has("tab")||r.has("opened"))&&this.syncScanning()}app(){return Ri(this.hass)}syncScanning(){if(!(this.opened&&this.tab==="scan")){this.stopScanning();return}if(this.app()){!this.companion?.scanning&&!this.pending&&this.openCompanion();return}if(this.scanner||this.camera==="failed")return;if(!Qi()){this.camera="insecure";return}let a=this.video;if(!a)return;let n=new Ht(a,d=>{this.onRead(d,"camera")},()=>{this.scanner=void 0,this.camera="failed",this.cameraError="unavailable"});this.scanner=n,this.camera="starting",n.start().then(()=>{this.scanner===n&&(this.camera="running",this.pending&&n.pause())},d=>{this.scanner===n&&(n.stop(),this.scanner=void 0,this.camera="failed",this.cameraError=Mi(d))})}stopScanning(){this.scanner?.stop(),this.scanner=void 0,this.camera!=="insecure"&&(this.camera="off"),this.cameraError="unavailable",this.companion?.close()}openCompanion(){let r=this.app();if(!r)return;this.companion??=new Ot(r,{onRead:(n,d)=>{if(!d){this.companion?.notify(this.localize("scan_wrong_format"));return}this.onRead({text:n,format:d},"app")},onAborted:n=>{n==="alternative_options"&&(this.tab="type")}});let a=this.localize;this.companion.open({title:a("scan_app_title"),description:a("scan_app_description"),alternative_option_label:a("scan_app_alternative")})}continueScanning(r){r==="camera"?this.scanner?.resume():r==="app"&&this.opened&&this.tab==="scan"&&!this.companion?.scanning&&this.openCompanion()}refuse(r,a){this.message={kind:"error",text:a},r==="app"&&this.companion?.notify(a),this.continueScanning(r)}async onRead(r,a){if(this.pending||this.busy&&a!=="photo")return;let n=Date.now();if(a!=="photo"&&r.text===this.lastText&&n-this.lastTime<Io){this.lastTime=n;return}this.lastText=r.text,this.lastTime=n,this.scanner?.pause(),this.busy=!0;let d;try{d=await this.api.parse(r.text)}catch(p){this.busy=!1,this.refuse(a,await se(this.hass,p));return}if(this.busy=!1,this.store.has(d.ieee)){this.refuse(a,this.localize("already_listed",{ieee:gr(d.ieee)}));return}this.opened&&(this.pending={text:r.text,parsed:d,source:a},this.pendingName="",this.pendingArea="",this.message=void 0,a==="app"&&this.companion?.close(),await this.updateComplete,this.renderRoot.querySelector("#read-name")?.focus())}async addPending(r){r.preventDefault();let a=this.pending;if(!(!a||this.busy)){this.busy=!0;try{let n=await this.api.add({qr_code:a.text,name:this.pendingName,area_id:this.pendingArea});this.store.put(n),this.dispatchEvent(new CustomEvent("entry-added",{detail:n})),this.pending=void 0,this.message={kind:"ok",text:this.localize("added",{name:n.name||n.ieee})},this.continueScanning(a.source),this.focusAfterRead()}catch(n){let d=await se(this.hass,n),p=n?.translation_key;Ue(n)||p==="already_provisioned"?(this.pending=void 0,this.refuse(a.source,d),this.focusAfterRead()):this.message={kind:"error",text:d}}finally{this.busy=!1}}}skipPending(){let r=this.pending;this.pending=void 0,this.message=void 0,r&&this.continueScanning(r.source),this.focusAfterRead()}focusAfterRead(){this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${this.tab}`)?.focus())}async onPhoto(r){let a=r.target,n=a.files?.[0];if(a.value="",!n||this.pending)return;this.fileNames={...this.fileNames,photo:n.name},this.busy=!0,this.message={kind:"info",text:this.localize("decoding")};let d;try{d=await Wi(n)}catch{this.busy=!1,this.message={kind:"error",text:this.localize("photo_bad")};return}if(this.busy=!1,!d){this.message={kind:"error",text:this.localize("photo_none")};return}await this.onRead(d,"photo")}async onCsv(r){let a=r.target,n=a.files?.[0];if(a.value="",!!n){this.fileNames={...this.fileNames,csv:n.name},this.busy=!0,this.importErrors=[],this.message=void 0;try{let d=await this.api.importCsv(await n.text()),p=await Fe(this.hass)??this.hass.localize;this.importErrors=d.errors.map(f=>{let E=p(`component.provisioning.exceptions.${f.error}.message`,{ieee:f.ieee??"",title:f.title??"",field:""})||f.error;return`${this.localize("import_line",{line:f.line})}: ${E}${f.ieee&&!E.includes(f.ieee)?` (${f.ieee})`:""}`}),this.message={kind:d.added?"ok":"error",text:d.added?this.localize("import_added",{count:d.added}):this.localize("import_none")}}catch(d){this.message={kind:"error",text:await se(this.hass,d)}}finally{this.busy=!1}}}selectTab(r){this.tab!==r&&(this.message=void 0,this.tab=r)}onTabKey(r){let a=r.key==="ArrowRight"?1:r.key==="ArrowLeft"?-1:0;if(!a)return;let n=nt[(nt.indexOf(this.tab)+a+nt.length)%nt.length];this.selectTab(n),this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${n}`)?.focus())}render(){let r=this.localize;return $`<dialog
      id="add-dialog"
      aria-labelledby="add-title"
      @close=${()=>this.onClosed()}
    >
      ${this.opened?$`<div class="dialog-head">
              <h2 id="add-title">${r("add_title")}</h2>
              <button
                class="icon"
                id="add-close"
                aria-label=${r("close")}
                title=${r("close")}
                @click=${()=>this.close()}
              >
                ${J(W.close)}
              </button>
            </div>
            <div class="tabs" role="tablist" aria-label=${r("ways")} @keydown=${this.onTabKey}>
              ${nt.map(a=>$`<button
                  role="tab"
                  id=${`tab-${a}`}
                  aria-selected=${this.tab===a?"true":"false"}
                  aria-controls="tabpanel"
                  tabindex=${this.tab===a?0:-1}
                  ?autofocus=${this.tab===a}
                  @click=${()=>this.selectTab(a)}
                >
                  ${r(`tab_${a}`)}
                </button>`)}
            </div>
            <div class="dialog-body" role="tabpanel" id="tabpanel" aria-labelledby=${`tab-${this.tab}`}>
              <!-- No whitespace in #status, so that it is :empty (and takes no room) without a message. -->
              <div id="status" class="live" aria-live="polite" role="status">${this.message?$`<div class="alert ${this.message.kind}" data-kind=${this.message.kind}>
                    ${this.message.text}
                  </div>`:w}</div>
              ${this.pending?this.renderPending(this.pending):w}
              ${this.tab==="scan"?this.renderScan():this.tab==="photo"?this.renderPhoto():this.tab==="import"?this.renderImport():w}
              <provisioning-type-form
                ?hidden=${this.tab!=="type"}
                .hass=${this.hass}
                .api=${this.api}
                .store=${this.store}
                .localize=${r}
                @add-message=${a=>{this.message=a.detail}}
              ></provisioning-type-form>
            </div>`:w}
    </dialog>`}renderPending(r){let a=this.localize,n=r.parsed;return $`<form class="read" id="read" aria-labelledby="read-title" @submit=${this.addPending}>
      <h3 id="read-title">${a("read_title")}</h3>
      <dl>
        <dt>${a("ieee")}</dt>
        <dd class="mono" id="read-ieee">${n.ieee}</dd>
        <dt>${a("read_format")}</dt>
        <dd id="read-format">${n.format}</dd>
        <dt>${a("key")}</dt>
        <dd id="read-key">${a(n.key_type==="link_key"?"read_key_link_key":"read_key_install_code")}</dd>
        ${n.model?$`<dt>${a("read_model")}</dt>
              <dd id="read-model">${n.model}</dd>`:w}
      </dl>
      <label class="field"
        >${a("name")}
        <input
          id="read-name"
          name="name"
          type="text"
          autocomplete="off"
          placeholder=${n.model??""}
          .value=${this.pendingName}
          @input=${d=>{this.pendingName=d.target.value}}
        />
      </label>
      <label class="field"
        >${a("area")}
        <select
          id="read-area"
          name="area_id"
          @change=${d=>{this.pendingArea=d.target.value}}
        >
          ${je(this.hass.areas,this.pendingArea,a)}
        </select>
      </label>
      <div class="buttons">
        <button type="button" id="read-skip" @click=${()=>this.skipPending()}>${a("skip")}</button>
        <button type="submit" id="read-add" class="primary" ?disabled=${this.busy}>
          ${a("add_device")}
        </button>
      </div>
    </form>`}renderScan(){let r=this.localize;if(this.app())return $`<p class="secondary">${r("scan_app_hint")}</p>
        <button
          id="scan-app"
          class="primary"
          ?disabled=${!!this.pending||this.busy}
          @click=${()=>this.openCompanion()}
        >
          ${r("scan_app")}
        </button>`;if(this.camera==="insecure"||this.camera==="failed"){let n=this.camera==="insecure"?"insecure":this.cameraError;return $`<div class="alert info" id="camera-unavailable" data-problem=${n}>
          ${r(`scan_${n}`)}
        </div>
        <div class="buttons start">
          <button id="use-photo" class="primary" @click=${()=>this.selectTab("photo")}>
            ${J(W.camera)} ${r("use_photo")}
          </button>
          ${this.camera==="failed"?$`<button id="camera-retry" class="outlined" @click=${()=>this.retryCamera()}>
                ${r("retry")}
              </button>`:w}
        </div>`}let a=!!this.pending;return $`<p class="secondary" id="scan-hint">${r(a?"scan_paused":"scan_hint")}</p>
      <div class="viewfinder ${a?"paused":""}">
        <video id="video" muted playsinline aria-label=${r("tab_scan")}></video>
        ${this.camera==="starting"?$`<span class="overlay">${r("scan_starting")}</span>`:w}
      </div>`}async retryCamera(){this.camera="off",await this.updateComplete,this.syncScanning()}renderFilePick(r,a,n,d){let p=this.fileNames[r];return $`<div class="file-pick">
      ${d(`${r}-name`)}
      <label for=${r} class="file-button">${J(n)}<span>${a}</span></label>
      <span id=${`${r}-name`} class="file-name ${p?"":"secondary"}"
        >${p??this.localize("file_none")}</span
      >
    </div>`}renderPhoto(){let r=this.localize;return $`<p class="secondary">${r("photo_hint")}</p>
      ${this.renderFilePick("photo",r("photo_pick"),W.camera,a=>$`<input
          id="photo"
          name="photo"
          class="visually-hidden"
          type="file"
          accept="image/*"
          capture="environment"
          aria-describedby=${a}
          ?disabled=${!!this.pending||this.busy}
          @change=${this.onPhoto}
        />`)}`}renderImport(){let r=this.localize;return $`<p class="secondary">${r("import_hint")}</p>
      ${this.renderFilePick("csv",r("import_pick"),W.upload,a=>$`<input
          id="csv"
          name="csv"
          class="visually-hidden"
          type="file"
          accept=".csv,text/csv"
          aria-describedby=${a}
          ?disabled=${this.busy}
          @change=${this.onCsv}
        />`)}
      ${this.importErrors.length?$`<ul id="import-errors" class="errors">
            ${this.importErrors.map(a=>$`<li>${a}</li>`)}
          </ul>`:w}`}static{this.styles=[re,Lt,Q`
      dialog {
        width: min(640px, calc(100vw - 32px));
      }
      .tabs {
        display: flex;
        gap: 4px;
        padding: 8px 24px 0;
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
        overflow-x: auto;
      }
      [role="tab"] {
        white-space: nowrap;
        flex: none;
        border-radius: 0;
        border-bottom: 2px solid transparent;
        color: var(--secondary-text-color, #727272);
      }
      [role="tab"][aria-selected="true"] {
        color: var(--primary-color, #03a9f4);
        border-bottom-color: var(--primary-color, #03a9f4);
      }
      .live:empty {
        display: none;
      }
      .live .alert {
        margin: 0;
      }
      .viewfinder {
        position: relative;
        background: #000;
        border-radius: 12px;
        overflow: hidden;
        aspect-ratio: 16 / 9;
      }
      .viewfinder.paused {
        width: min(240px, 50%);
        align-self: center;
        opacity: 0.85;
      }
      video {
        width: 100%;
        height: 100%;
        object-fit: cover;
        display: block;
      }
      .overlay {
        position: absolute;
        inset: 0;
        display: flex;
        align-items: center;
        justify-content: center;
        color: #fff;
      }
      form,
      .read {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .read {
        border: 1px solid var(--divider-color, #e0e0e0);
        border-radius: 12px;
        padding: 12px 16px;
      }
      .read h3 {
        margin: 0;
        font-size: 1.05rem;
        font-weight: 500;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 16px;
        margin: 0;
      }
      dt {
        color: var(--secondary-text-color, #727272);
      }
      dd {
        margin: 0;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
      }
      .buttons.start {
        justify-content: flex-start;
        flex-wrap: wrap;
      }
      #use-photo {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
      .file-pick {
        position: relative;
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 8px 12px;
      }
      .file-button {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        min-height: 36px;
        padding: 0 16px;
        border-radius: 18px;
        font-weight: 500;
        cursor: pointer;
        background: var(--primary-color, #03a9f4);
        color: var(--text-primary-color, #fff);
      }
      @media (hover: hover) {
        .file-button:hover {
          background-color: color-mix(in srgb, var(--primary-color, #03a9f4) 88%, black);
        }
      }
      #use-photo svg,
      .file-button svg {
        width: 20px;
        height: 20px;
        fill: currentColor;
      }
      input:focus-visible + .file-button {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: 2px;
      }
      input:disabled + .file-button {
        opacity: 0.5;
        cursor: default;
      }
      .file-name {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .errors {
        margin: 0;
        padding-left: 20px;
        color: var(--error-color, #db4437);
      }
    `]}};g([C({attribute:!1})],U.prototype,"hass",2),g([C({attribute:!1})],U.prototype,"api",2),g([C({attribute:!1})],U.prototype,"store",2),g([C({attribute:!1})],U.prototype,"localize",2),g([_()],U.prototype,"tab",2),g([_()],U.prototype,"opened",2),g([_()],U.prototype,"message",2),g([_()],U.prototype,"pending",2),g([_()],U.prototype,"pendingName",2),g([_()],U.prototype,"pendingArea",2),g([_()],U.prototype,"busy",2),g([_()],U.prototype,"camera",2),g([_()],U.prototype,"cameraError",2),g([_()],U.prototype,"fileNames",2),g([_()],U.prototype,"importErrors",2),g([xe("dialog")],U.prototype,"dialog",2),g([xe("video")],U.prototype,"video",2);Y("provisioning-add-dialog",U);var Ki={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Zi=s=>(...i)=>({_$litDirective$:s,values:i}),Nt=class{constructor(i){}get _$AU(){return this._$AM._$AU}_$AT(i,r,a){this._$Ct=i,this._$AM=r,this._$Ci=a}_$AS(i,r){return this.update(i,r)}update(i,r){return this.render(...r)}};var{I:Ho}=Ei,Xi=s=>s;var Ji=()=>document.createComment(""),Ve=(s,i,r)=>{let a=s._$AA.parentNode,n=i===void 0?s._$AB:i._$AA;if(r===void 0){let d=a.insertBefore(Ji(),n),p=a.insertBefore(Ji(),n);r=new Ho(d,p,s,s.options)}else{let d=r._$AB.nextSibling,p=r._$AM,f=p!==s;if(f){let y;r._$AQ?.(s),r._$AM=s,r._$AP!==void 0&&(y=s._$AU)!==p._$AU&&r._$AP(y)}if(d!==n||f){let y=r._$AA;for(;y!==d;){let E=Xi(y).nextSibling;Xi(a).insertBefore(y,n),y=E}}}return r},ke=(s,i,r=s)=>(s._$AI(i,r),s),zo={},Yi=(s,i=zo)=>s._$AH=i,ea=s=>s._$AH,Dt=s=>{s._$AR(),s._$AA.remove()};var ta=(s,i,r)=>{let a=new Map;for(let n=i;n<=r;n++)a.set(s[n],n);return a},ra=Zi(class extends Nt{constructor(s){if(super(s),s.type!==Ki.CHILD)throw Error("repeat() can only be used in text expressions")}dt(s,i,r){let a;r===void 0?r=i:i!==void 0&&(a=i);let n=[],d=[],p=0;for(let f of s)n[p]=a?a(f,p):p,d[p]=r(f,p),p++;return{values:d,keys:n}}render(s,i,r){return this.dt(s,i,r).values}update(s,[i,r,a]){let n=ea(s),{values:d,keys:p}=this.dt(i,r,a);if(!Array.isArray(n))return this.ut=p,d;let f=this.ut??=[],y=[],E,z,x=0,I=n.length-1,S=0,B=d.length-1;for(;x<=I&&S<=B;)if(n[x]===null)x++;else if(n[I]===null)I--;else if(f[x]===p[S])y[S]=ke(n[x],d[S]),x++,S++;else if(f[I]===p[B])y[B]=ke(n[I],d[B]),I--,B--;else if(f[x]===p[B])y[B]=ke(n[x],d[B]),Ve(s,y[B+1],n[x]),x++,B--;else if(f[I]===p[S])y[S]=ke(n[I],d[S]),Ve(s,n[x],n[I]),I--,S++;else if(E===void 0&&(E=ta(p,S,B),z=ta(f,x,I)),E.has(f[x]))if(E.has(f[I])){let ee=z.get(p[S]),_e=ee!==void 0?n[ee]:null;if(_e===null){let k=Ve(s,n[x]);ke(k,d[S]),y[S]=k}else y[S]=ke(_e,d[S]),Ve(s,n[x],_e),n[ee]=null;S++}else Dt(n[I]),I--;else Dt(n[x]),x++;for(;S<=B;){let ee=Ve(s,y[B+1]);ke(ee,d[S]),y[S++]=ee}for(;x<=I;){let ee=n[x++];ee!==null&&Dt(ee)}return this.ut=p,Yi(s,y),we}});var No=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60],["second",1]],Do=new Map,Bo=new Map;function ia(s,i,r){let a=s.get(i);if(!a){try{a=r(i)}catch{a=r("en")}s.set(i,a)}return a}function aa(s,i,r){let a=Date.parse(s);if(Number.isNaN(a))return"";let n=Math.round((a-i)/1e3),d=ia(Do,r,p=>new Intl.RelativeTimeFormat(p,{numeric:"auto"}));for(let[p,f]of No)if(Math.abs(n)>=f||p==="second"){let y=Math.trunc(n/f);return d.format(p==="second"&&Math.abs(n)<10?0:y,p)}return""}function na(s,i){let r=Date.parse(s);return Number.isNaN(r)?s:ia(Bo,i,n=>new Intl.DateTimeFormat(n,{dateStyle:"medium",timeStyle:"medium"})).format(r)}function sa(s,i){if(!s)return null;let r=Date.parse(s);return Number.isNaN(r)?null:Math.max(0,Math.ceil((r-i)/1e3))}function oa(s){let i=Math.floor(s/3600),r=Math.floor(s%3600/60),a=s%60,n=i?String(r).padStart(2,"0"):String(r);return`${i?`${i}:`:""}${n}:${String(a).padStart(2,"0")}`}var Bt={title:"Provisioning",menu:"Open the sidebar",loading:"Loading the provisioning list…",retry:"Retry",coordinator:"Coordinator",admit:"Admit provisioned devices",stop:"Stop",duration:"How long to admit",minutes:"{count} min",window_open:"Open",window_closed:"Closed",window_continuous:"Continuous",window_state:"Admission: {state}",window_remaining:"{time} left",keys_loaded:"{count} keys loaded",keys_waiting:"{count} waiting",install_code_only:"The radio admits only devices with an install code",guard:"Only admit provisioned devices",search:"Search name, IEEE or area",filter_status:"Status",filter_all:"All",col_name:"Name",col_ieee:"IEEE",col_area:"Area",col_status:"Status",col_provider:"Provider",col_updated:"Last change",col_actions:"Actions",sort_by:"Sort by {column}",status_pending:"Pending",status_admitting:"Admitting",status_joined:"Joined",status_failed:"Failed",status_revoked:"Revoked",reason_interview_timeout:"Joined but did not complete its interview in time",no_entries:"No device is on the provisioning list yet.",no_match:"No device matches.",count:"{shown} of {total} devices",unnamed:"Unnamed device",managed_by:"Managed by {title}",edit:"Edit",delete:"Delete",open_device:"Open device",add:"Add devices",close:"Close",cancel:"Cancel",save:"Save",edit_title:"Edit {name}",name:"Name",area:"Area",no_area:"No area",new_key:"New key (optional)",key_unchanged:"Leave empty to keep the current key.",install_code:"Install code",link_key:"Link key",delete_title:"Delete {name}?",delete_text:"{ieee} leaves the provisioning list and its key leaves the coordinator. The device, if it joined, stays in Home Assistant.",add_title:"Add devices",tab_scan:"Scan",tab_photo:"Photo",tab_type:"Type",tab_import:"Import CSV",ways:"Ways to add",scan_hint:"Hold the label's QR or Data Matrix code in front of the camera.",scan_insecure:"The browser allows the camera only over HTTPS or on localhost. Take a photo of the label instead.",scan_no_camera:"No camera was found on this device. Take a photo of the label instead.",scan_denied:"The browser was not allowed to use the camera. Allow it in the site settings, or take a photo of the label instead.",scan_in_use:"The camera is in use by another app or could not be started. Close that app and try again, or take a photo of the label instead.",scan_unavailable:"The camera could not be started. Take a photo of the label instead.",scan_paused:"Scanning goes on after Add or Skip.",scan_starting:"Starting the camera…",scan_app:"Scan with the app",scan_app_hint:"The Home Assistant app opens its own scanner.",scan_app_title:"Scan a device label",scan_app_description:"Point the camera at the QR or Data Matrix code on the device.",scan_app_alternative:"Type the code",scan_wrong_format:"Only QR and Data Matrix codes can be read.",use_photo:"Take a photo instead",photo_hint:"Take or choose a photo of the label's QR or Data Matrix code.",photo_pick:"Choose a photo",file_none:"No file chosen",photo_none:"No QR or Data Matrix code was found in this photo.",photo_bad:"This file could not be read as an image.",decoding:"Reading the code…",read_title:"Read from the label",read_format:"Format",read_key_install_code:"Install code ••••",read_key_link_key:"Link key ••••",read_model:"Model",skip:"Skip",add_device:"Add",added:"{name} added.",already_listed:"{ieee} is already on the provisioning list.",type_mode:"What to type",type_qr:"QR code text",type_fields:"IEEE and key",qr_code:"QR code text",ieee:"IEEE address",key_type:"Key type",key:"Key",show_secret:"Show",hide_secret:"Hide",import_hint:"A CSV file with a header line: ieee, install_code or link_key, and optionally name and area.",import_pick:"Choose a CSV file",import_added:"{count} added",import_line:"Line {line}",import_none:"Nothing was imported."},la={en:Bt};function da(s){let i=(s??"en").toLowerCase(),r=la[i]??la[i.split("-")[0]]??Bt;return(a,n)=>{let d=r[a]??Bt[a]??a;return n?d.replace(/\{(\w+)\}/g,(p,f)=>f in n?String(n[f]):p):d}}function ca(s){return Object.hasOwn(Bt,s)}var pa=["pending","admitting","joined","failed","revoked"];var Fo=[["name","col_name"],["ieee","col_ieee"],["area","col_area"],["status","col_status"],["provider","col_provider"],["updated","col_updated"]];function Uo(s,i){let r=`reason_${s}`;return ca(r)?i(r):s}var ae=class extends F{constructor(){super(...arguments);this.version=0;this.language="en";this.narrow=!1;this.query="";this.status="";this.sort="name";this.descending=!1;this.now=Date.now()}connectedCallback(){super.connectedCallback(),this.timer=window.setInterval(()=>{this.now=Date.now()},6e4)}disconnectedCallback(){super.disconnectedCallback(),clearInterval(this.timer)}setSort(r){this.sort===r?this.descending=!this.descending:(this.sort=r,this.descending=r==="updated")}render(){let r=this.localize,a=this.store.view({query:this.query,status:this.status,sort:this.sort,descending:this.descending,areas:this.areas}),n=this.store.entries.size;return $`
      <div class="toolbar">
        <input
          id="search"
          type="search"
          aria-label=${r("search")}
          placeholder=${r("search")}
          .value=${this.query}
          @input=${d=>{this.query=d.target.value}}
        />
        <div class="chips" role="group" aria-label=${r("filter_status")}>
          ${["",...pa].map(d=>$`<button
              class="chip"
              data-filter=${d||"all"}
              aria-pressed=${this.status===d?"true":"false"}
              @click=${()=>{this.status=d}}
            >
              ${r(d?`status_${d}`:"filter_all")}
            </button>`)}
        </div>
        <span id="count" class="secondary" aria-live="polite"
          >${r("count",{shown:a.length,total:n})}</span
        >
      </div>
      <div class="table" role="table" aria-label=${r("title")} aria-rowcount=${a.length+1}>
        <div class="row head" role="row">
          ${Fo.map(([d,p])=>{let f=this.sort===d;return $`<div
              class="cell col-${d}"
              role="columnheader"
              aria-sort=${f?this.descending?"descending":"ascending":"none"}
            >
              <button
                class="sort"
                data-sort=${d}
                title=${r("sort_by",{column:r(p)})}
                @click=${()=>this.setSort(d)}
              >
                ${r(p)}
                ${f?J(this.descending?W.sortDesc:W.sortAsc):w}
              </button>
            </div>`})}
          <div class="cell col-actions" role="columnheader">
            <span class="visually-hidden">${r("col_actions")}</span>
          </div>
        </div>
        ${a.length===0?$`<div class="empty secondary" id="empty">
              ${r(n===0?"no_entries":"no_match")}
            </div>`:ra(a,d=>d.ieee,d=>this.renderRow(d))}
      </div>
    `}renderRow(r){let a=this.localize,n=r.name||a("unnamed");return $`<div
      class="row"
      role="row"
      data-ieee=${r.ieee}
      data-status=${r.status}
    >
      <div class="cell col-name" role="cell">
        <span class=${r.name?"":"secondary"}>${n}</span>
        ${this.narrow?$`<span class="sub secondary mono ieee">${r.ieee}</span>`:w}
        ${r.model?$`<span class="sub secondary">${r.model}</span>`:w}
      </div>
      <div class="cell col-ieee mono" role="cell">${r.ieee}</div>
      <div class="cell col-area" role="cell">${vr(r,this.areas)}</div>
      <div class="cell col-status" role="cell">
        <span class="status status-${r.status}">${a(`status_${r.status}`)}</span>
        ${r.status_reason?$`<span class="sub secondary reason">${Uo(r.status_reason,a)}</span>`:w}
      </div>
      <div class="cell col-provider" role="cell">${r.provider_title}</div>
      <div class="cell col-updated" role="cell">
        <time datetime=${r.updated_at} title=${na(r.updated_at,this.language)}
          >${aa(r.updated_at,this.now,this.language)}</time
        >
      </div>
      <div class="cell col-actions" role="cell">
        ${r.device_id?$`<button
              class="icon"
              data-action="open"
              title=${a("open_device")}
              aria-label=${`${a("open_device")}: ${n}`}
              @click=${()=>Ti(`/config/devices/device/${r.device_id}`)}
            >
              ${J(W.openInNew)}
            </button>`:w}
        ${r.editable?$`<button
                class="icon"
                data-action="edit"
                title=${a("edit")}
                aria-label=${`${a("edit")}: ${n}`}
                @click=${d=>ie(this,"entry-edit",{entry:r,opener:d.currentTarget})}
              >
                ${J(W.pencil)}
              </button>
              <button
                class="icon danger"
                data-action="delete"
                title=${a("delete")}
                aria-label=${`${a("delete")}: ${n}`}
                @click=${d=>ie(this,"entry-delete",{entry:r,opener:d.currentTarget})}
              >
                ${J(W.delete)}
              </button>`:$`<span class="managed secondary"
              >${a("managed_by",{title:r.provider_title})}</span
            >`}
      </div>
    </div>`}static{this.styles=[re,Q`
      :host {
        display: block;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 16px;
        margin-bottom: 8px;
      }
      #search {
        flex: 1 1 240px;
        max-width: 420px;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .chip {
        min-height: 32px;
        border-radius: 8px;
        border: 1px solid var(--divider-color, #e0e0e0);
        color: var(--primary-text-color, #212121);
        padding: 0 12px;
      }
      .chip[aria-pressed="true"] {
        background: color-mix(in srgb, var(--primary-color, #03a9f4) 20%, transparent);
        border-color: transparent;
      }
      .table {
        background: var(--card-background-color, var(--ha-card-background, #fff));
        border-radius: var(--ha-card-border-radius, 12px);
        border: 1px solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
        overflow: hidden;
      }
      .row {
        display: grid;
        grid-template-columns:
          minmax(140px, 2fr) 216px minmax(90px, 1fr) minmax(110px, 1fr)
          minmax(90px, 1fr) 130px 132px;
        align-items: center;
        min-height: 52px;
        border-top: 1px solid var(--divider-color, #e0e0e0);
        content-visibility: auto;
        contain-intrinsic-size: auto 53px;
      }
      .row.head {
        border-top: none;
        min-height: 48px;
        content-visibility: visible;
        font-weight: 500;
        position: sticky;
        top: 0;
      }
      .cell {
        padding: 4px 8px;
        min-width: 0;
        overflow-wrap: anywhere;
        display: flex;
        flex-direction: column;
      }
      .row:not(.head) .col-ieee {
        white-space: nowrap;
        font-size: 0.875rem;
      }
      .col-actions {
        flex-direction: row;
        justify-content: flex-end;
        align-items: center;
      }
      .sort {
        color: var(--primary-text-color, #212121);
        padding: 0 4px;
        /* The heading's text lines up with the cells' text below it. */
        margin-inline-start: -4px;
        min-height: 32px;
        border-radius: 4px;
        display: inline-flex;
        align-items: center;
        gap: 2px;
        text-align: start;
      }
      .sort svg {
        width: 18px;
        height: 18px;
        fill: currentColor;
      }
      .sub {
        font-size: 0.8rem;
      }
      .sub.ieee {
        font-size: 0.75rem;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .managed {
        font-size: 0.8rem;
        text-align: end;
      }
      .status {
        font-weight: 500;
      }
      .status-joined {
        color: var(--success-color, #43a047);
      }
      .status-failed {
        color: var(--error-color, #db4437);
      }
      .status-admitting {
        color: var(--info-color, #039be5);
      }
      .status-revoked {
        color: var(--secondary-text-color, #727272);
      }
      .empty {
        padding: 32px 16px;
        text-align: center;
        border-top: 1px solid var(--divider-color, #e0e0e0);
      }
      /* On a phone the filter is one row that scrolls sideways, as Home Assistant's chips do. */
      :host([narrow]) .chips {
        flex-wrap: nowrap;
        overflow-x: auto;
        max-width: 100%;
        scrollbar-width: none;
      }
      :host([narrow]) .chip {
        flex: none;
      }
      :host([narrow]) .row {
        grid-template-columns: minmax(120px, 1fr) auto auto;
      }
      :host([narrow]) .managed {
        max-width: 110px;
      }
      :host([narrow]) .col-ieee,
      :host([narrow]) .col-area,
      :host([narrow]) .col-provider,
      :host([narrow]) .col-updated {
        display: none;
      }
    `]}};g([C({attribute:!1})],ae.prototype,"store",2),g([C({type:Number})],ae.prototype,"version",2),g([C({attribute:!1})],ae.prototype,"areas",2),g([C()],ae.prototype,"language",2),g([C({attribute:!1})],ae.prototype,"localize",2),g([C({type:Boolean,reflect:!0})],ae.prototype,"narrow",2),g([_()],ae.prototype,"query",2),g([_()],ae.prototype,"status",2),g([_()],ae.prototype,"sort",2),g([_()],ae.prototype,"descending",2),g([_()],ae.prototype,"now",2);Y("provisioning-entries-table",ae);var ce=class extends F{constructor(){super(...arguments);this.error="";this.busy=!1}async open(r,a){this.entry=r,this.opener=a,this.error="",this.reset(r),await this.updateComplete,this.dialog.open||this.dialog.showModal()}close(){this.dialog?.open&&this.dialog.close()}onClosed(){this.entry=void 0,this.reset(void 0),this.opener?.focus(),this.opener=void 0}name(){return this.entry?.name||this.entry?.ieee||""}head(r){return $`<div class="dialog-head">
      <h2 id="title">${r}</h2>
      <button
        class="icon"
        aria-label=${this.localize("close")}
        title=${this.localize("close")}
        @click=${()=>this.close()}
      >
        ${J(W.close)}
      </button>
    </div>`}static{this.styles=[re,Lt,Q`
      fieldset {
        border: 1px solid var(--divider-color, #e0e0e0);
        border-radius: 8px;
        display: flex;
        flex-direction: column;
        gap: 8px;
        padding: 8px 12px 12px;
        margin: 0;
      }
      legend {
        padding: 0 4px;
        color: var(--secondary-text-color, #727272);
      }
      .hint {
        font-size: 0.85rem;
      }
      /* A confirmation stays a small dialog on a phone, as Home Assistant's do. */
      @media (max-width: 600px) {
        #delete-dialog {
          width: calc(100vw - 32px);
          height: fit-content;
          max-height: calc(100% - 32px);
          border-radius: var(--ha-dialog-border-radius, 24px);
        }
      }
    `]}};g([C({attribute:!1})],ce.prototype,"hass",2),g([C({attribute:!1})],ce.prototype,"api",2),g([C({attribute:!1})],ce.prototype,"localize",2),g([_()],ce.prototype,"entry",2),g([_()],ce.prototype,"error",2),g([_()],ce.prototype,"busy",2),g([xe("dialog")],ce.prototype,"dialog",2);var Se=class extends ce{constructor(){super(...arguments);this.nameValue="";this.areaId="";this.keyType="install_code";this.key="";this.keyError=""}reset(r){this.nameValue=r?.name??"",this.areaId=r?.area_id??"",this.keyType=r?.key_type??"install_code",this.key="",this.keyError="",this.busy=!1}async save(r){r.preventDefault();let a=this.entry;if(!a||this.busy)return;let n={},d=this.nameValue.trim()||null;d!==(a.name??null)&&(n.name=d),(this.areaId||null)!==(a.area_id??null)&&(n.area_id=this.areaId||null),this.key.trim()&&(n[this.keyType]=this.key.trim()),this.busy=!0,this.error="",this.keyError="";try{let p=await this.api.update(a.ieee,n);this.dispatchEvent(new CustomEvent("entry-saved",{detail:p})),this.close()}catch(p){let f=await se(this.hass,p),y=Ue(p);y==="install_code"||y==="link_key"?this.keyError=f:this.error=f}finally{this.busy=!1}}render(){let r=this.localize;return $`<dialog
      id="edit-dialog"
      aria-labelledby="title"
      @close=${()=>this.onClosed()}
    >
      ${this.entry?$`${this.head(r("edit_title",{name:this.name()}))}
            <form @submit=${this.save}>
              <div class="dialog-body">
                <span class="mono secondary">${this.entry.ieee}</span>
                ${this.error?$`<div class="alert" role="alert" id="edit-error">${this.error}</div>`:w}
                <label class="field"
                  >${r("name")}
                  <input
                    autofocus
                    id="edit-name"
                    name="name"
                    type="text"
                    autocomplete="off"
                    .value=${this.nameValue}
                    @input=${a=>{this.nameValue=a.target.value}}
                  />
                </label>
                <label class="field"
                  >${r("area")}
                  <select
                    id="edit-area"
                    name="area_id"
                    @change=${a=>{this.areaId=a.target.value}}
                  >
                    ${je(this.hass.areas,this.areaId,r)}
                  </select>
                </label>
                <fieldset>
                  <legend>${r("new_key")}</legend>
                  <label class="field"
                    >${r("key_type")}
                    <select
                      id="edit-key-type"
                      name="key_type"
                      @change=${a=>{this.keyType=a.target.value}}
                    >
                      <option value="install_code" ?selected=${this.keyType==="install_code"}>
                        ${r("install_code")}
                      </option>
                      <option value="link_key" ?selected=${this.keyType==="link_key"}>
                        ${r("link_key")}
                      </option>
                    </select>
                  </label>
                  <provisioning-secret-input
                    id="edit-key"
                    name=${this.keyType}
                    .label=${this.keyType==="install_code"?r("install_code"):r("link_key")}
                    .value=${this.key}
                    .error=${this.keyError}
                    .localize=${r}
                    autocomplete="new-password"
                    @value-changed=${a=>{this.key=a.detail}}
                  ></provisioning-secret-input>
                  <span class="secondary hint">${r("key_unchanged")}</span>
                </fieldset>
              </div>
              <div class="dialog-actions">
                <button type="button" id="edit-cancel" @click=${()=>this.close()}>
                  ${r("cancel")}
                </button>
                <button type="submit" id="edit-save" class="primary" ?disabled=${this.busy}>
                  ${r("save")}
                </button>
              </div>
            </form>`:w}
    </dialog>`}};g([_()],Se.prototype,"nameValue",2),g([_()],Se.prototype,"areaId",2),g([_()],Se.prototype,"keyType",2),g([_()],Se.prototype,"key",2),g([_()],Se.prototype,"keyError",2);var br=class extends ce{reset(){this.busy=!1}async confirm(){let i=this.entry;if(!(!i||this.busy)){this.busy=!0,this.error="";try{await this.api.remove(i.ieee),this.dispatchEvent(new CustomEvent("entry-removed",{detail:i.ieee})),this.close()}catch(r){this.error=await se(this.hass,r)}finally{this.busy=!1}}}render(){let i=this.localize;return $`<dialog
      id="delete-dialog"
      role="alertdialog"
      aria-labelledby="title"
      aria-describedby="delete-text"
      @close=${()=>this.onClosed()}
    >
      ${this.entry?$`${this.head(i("delete_title",{name:this.name()}))}
            <div class="dialog-body">
              ${this.error?$`<div class="alert" role="alert" id="delete-error">${this.error}</div>`:w}
              <p id="delete-text">${i("delete_text",{ieee:this.entry.ieee})}</p>
            </div>
            <div class="dialog-actions">
              <button id="delete-cancel" autofocus @click=${()=>this.close()}>
                ${i("cancel")}
              </button>
              <button
                id="delete-confirm"
                class="primary danger"
                ?disabled=${this.busy}
                @click=${()=>this.confirm()}
              >
                ${i("delete")}
              </button>
            </div>`:w}
    </dialog>`}};Y("provisioning-edit-dialog",Se);Y("provisioning-delete-dialog",br);var jo=[60,180,300,600,1800,3600],ye=class extends F{constructor(){super(...arguments);this.coordinators=[];this.busy=!1;this.now=Date.now();this.duration=180}disconnectedCallback(){super.disconnectedCallback(),this.stopTimer()}connectedCallback(){super.connectedCallback(),this.syncTimer()}updated(r){r.has("window")&&this.syncTimer()}syncTimer(){let r=!!(this.window?.open&&this.window.ends_at)&&this.isConnected;r&&this.timer===void 0?(this.now=Date.now(),this.timer=window.setInterval(()=>{this.now=Date.now()},1e3)):r||this.stopTimer()}stopTimer(){this.timer!==void 0&&(clearInterval(this.timer),this.timer=void 0)}render(){let r=this.localize,a=this.window,n=a?a.continuous?"continuous":a.open?"open":"closed":"closed",d=a?.open?sa(a.ends_at,this.now):null;return $`
      <section class="card" aria-label=${r("admit")}>
        <div class="row">
          <div class="window" data-state=${n}>
            <span class="dot" aria-hidden="true"></span>
            <span id="window-state">${r("window_state",{state:r(`window_${n}`)})}</span>
            ${d!==null?$`<span id="window-countdown" class="countdown mono" role="timer"
                  >${r("window_remaining",{time:oa(d)})}</span
                >`:w}
          </div>
          <div class="actions">
            ${a?.open&&!a.continuous?$`<button
                  id="window-stop"
                  class="outlined danger"
                  ?disabled=${this.busy}
                  @click=${()=>ie(this,"window-stop")}
                >
                  ${r("stop")}
                </button>`:w}
            <select
              id="window-duration"
              aria-label=${r("duration")}
              title=${r("duration")}
              ?disabled=${this.busy||!a||a.continuous}
              @change=${p=>{this.duration=Number(p.target.value)}}
            >
              ${jo.map(p=>$`<option value=${p} ?selected=${p===this.duration}>
                    ${r("minutes",{count:p/60})}
                  </option>`)}
            </select>
            <button
              id="window-start"
              class="primary"
              ?disabled=${this.busy||!a||a.continuous}
              @click=${()=>ie(this,"window-start",this.duration)}
            >
              ${r("admit")}
            </button>
          </div>
        </div>
        <div class="row details secondary">
          <span id="keys-loaded">${r("keys_loaded",{count:a?.keys_loaded??0})}</span>
          <span id="keys-waiting" class=${a?.waiting?"warn":""}
            >${r("keys_waiting",{count:a?.waiting??0})}</span
          >
          ${a?.install_code_only?$`<span>${r("install_code_only")}</span>`:w}
        </div>
        <div class="row">
          <label class="switch">
            <input
              id="guard"
              type="checkbox"
              role="switch"
              .checked=${a?.guard??!1}
              ?disabled=${this.busy||!a}
              @change=${p=>ie(this,"guard-set",p.target.checked)}
            />
            <span class="track" aria-hidden="true"></span>
            <span>${r("guard")}</span>
          </label>
          ${this.coordinators.length>1?$`<label class="coordinator">
                <span>${r("coordinator")}</span>
                <select
                  id="coordinator"
                  @change=${p=>ie(this,"coordinator-select",p.target.value)}
                >
                  ${this.coordinators.map(p=>$`<option
                        value=${p.config_entry_id}
                        ?selected=${p.config_entry_id===this.coordinator}
                      >
                        ${p.title}
                      </option>`)}
                </select>
              </label>`:w}
        </div>
      </section>
    `}static{this.styles=[re,Q`
      .card {
        background: var(--card-background-color, var(--ha-card-background, #fff));
        border-radius: var(--ha-card-border-radius, 12px);
        border: 1px solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
        padding: 12px 16px;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        flex-wrap: wrap;
        gap: 8px 16px;
      }
      .details {
        justify-content: flex-start;
        font-size: 0.9rem;
      }
      .warn {
        color: var(--warning-color, #ffa600);
      }
      .window {
        display: flex;
        align-items: center;
        gap: 8px;
        font-size: 1.05rem;
      }
      .dot {
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--disabled-text-color, #bdbdbd);
      }
      [data-state="open"] .dot {
        background: var(--success-color, #43a047);
      }
      [data-state="continuous"] .dot {
        background: var(--warning-color, #ffa600);
      }
      .countdown {
        color: var(--secondary-text-color, #727272);
      }
      .actions {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      #window-duration {
        width: auto;
        min-height: 36px;
        padding: 4px 8px;
      }
      .switch {
        display: inline-flex;
        align-items: center;
        gap: 12px;
        cursor: pointer;
        position: relative;
      }
      .switch input {
        position: absolute;
        opacity: 0;
        width: 36px;
        height: 20px;
        margin: 0;
        cursor: pointer;
        z-index: 1;
      }
      .track {
        width: 36px;
        height: 14px;
        border-radius: 7px;
        background: var(--switch-unchecked-track-color, #8a8a8a);
        position: relative;
        flex: none;
      }
      .track::after {
        content: "";
        position: absolute;
        top: -3px;
        left: -2px;
        width: 20px;
        height: 20px;
        border-radius: 50%;
        background: var(--switch-unchecked-button-color, #fafafa);
        box-shadow: 0 1px 3px rgba(0, 0, 0, 0.4);
        transition: transform 0.15s;
      }
      .switch input:checked + .track {
        background: color-mix(in srgb, var(--switch-checked-color, var(--primary-color, #03a9f4)) 50%, transparent);
      }
      .switch input:checked + .track::after {
        transform: translateX(18px);
        background: var(--switch-checked-button-color, var(--primary-color, #03a9f4));
      }
      .switch input:focus-visible + .track {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: 4px;
      }
      .coordinator {
        display: inline-flex;
        align-items: center;
        gap: 8px;
      }
      .coordinator select {
        width: auto;
      }
    `]}};g([C({attribute:!1})],ye.prototype,"window",2),g([C({attribute:!1})],ye.prototype,"coordinators",2),g([C({attribute:!1})],ye.prototype,"coordinator",2),g([C({attribute:!1})],ye.prototype,"localize",2),g([C({type:Boolean})],ye.prototype,"busy",2),g([_()],ye.prototype,"now",2),g([_()],ye.prototype,"duration",2);Y("provisioning-window-card",ye);var K=class extends F{constructor(){super(...arguments);this.narrow=!1;this.coordinators=[];this.version=0;this.loaded=!1;this.error="";this.busy=!1;this.loadFailed=!1;this.store=new zt;this.started=!1}get language(){return this.hass?.locale?.language??this.hass?.language??"en"}get t(){let r=this.language;return this.localizeCache?.language!==r&&(this.localizeCache={language:r,localize:da(r)}),this.localizeCache.localize}connectedCallback(){super.connectedCallback(),this.hass&&!this.started&&this.start()}disconnectedCallback(){super.disconnectedCallback(),this.stopSubscription(),this.started=!1}willUpdate(r){r.has("hass")&&this.hass&&!this.started&&this.isConnected&&this.start()}async start(){let r=this.hass;if(r){this.started=!0,Fe(r);try{this.coordinators=await new at(r,void 0).coordinators()}catch(a){this.error=await se(r,a),this.loadFailed=!0;return}(!this.coordinator||!this.coordinators.some(a=>a.config_entry_id===this.coordinator))&&(this.coordinator=this.coordinators[0]?.config_entry_id),this.subscribe()}}retry(){this.stopSubscription(),this.error="",this.loadFailed=!1,this.start()}subscribe(){let r=this.hass;if(!r||!this.started)return;this.stopSubscription(),this.loaded=!1,this.loadFailed=!1,this.error="";let a=new at(r,this.coordinator);this.api=a,this.unsubscribe=a.subscribe(n=>{this.api===a&&this.onEvent(n)}).catch(async n=>{this.api===a&&(this.error=await se(r,n),this.loadFailed=!0)})}stopSubscription(){let r=this.unsubscribe;this.unsubscribe=void 0,this.api=void 0,r?.then(a=>a?.()).catch(()=>{})}onEvent(r){switch(r.type){case"snapshot":this.store.apply(r),this.window=r.window,this.loaded=!0;break;case"entries":this.store.apply(r);break;case"window":this.window=r.window;break;case"providers":break}this.version=this.store.version}async run(r){let a=this.api;if(!(!a||!this.hass)){this.busy=!0,this.error="";try{let n=await r(a);n&&(this.window=n)}catch(n){this.error=await se(this.hass,n)}finally{this.busy=!1}}}render(){let r=this.t;return $`
      <header class="toolbar">
        ${this.narrow?$`<button
              class="icon"
              id="menu"
              aria-label=${r("menu")}
              title=${r("menu")}
              @click=${()=>ie(this,"hass-toggle-menu")}
            >
              ${J(W.menu)}
            </button>`:w}
        <h1>${r("title")}</h1>
      </header>
      <main>
        ${this.error?$`<div class="alert error-row" role="alert" id="panel-error">
              <span>${this.error}</span>
              ${this.loadFailed?$`<button id="retry" class="outlined" @click=${()=>this.retry()}>
                    ${r("retry")}
                  </button>`:w}
            </div>`:w}
        <provisioning-window-card
          .window=${this.window}
          .coordinators=${this.coordinators}
          .coordinator=${this.coordinator}
          .localize=${r}
          ?busy=${this.busy}
          @window-start=${a=>this.run(n=>n.startWindow(a.detail))}
          @window-stop=${()=>this.run(a=>a.stopWindow())}
          @guard-set=${a=>this.run(n=>n.setGuard(a.detail))}
          @coordinator-select=${a=>{this.coordinator=a.detail,this.subscribe()}}
        ></provisioning-window-card>
        <h2 class="visually-hidden">${r("title")}</h2>
        ${this.loaded?$`<provisioning-entries-table
              .store=${this.store}
              .version=${this.version}
              .areas=${this.hass?.areas}
              .language=${this.language}
              .localize=${r}
              ?narrow=${this.narrow}
              @entry-edit=${a=>this.editDialog.open(a.detail.entry,a.detail.opener)}
              @entry-delete=${a=>this.deleteDialog.open(a.detail.entry,a.detail.opener)}
            ></provisioning-entries-table>`:this.error?w:$`<p class="secondary" id="loading">${r("loading")}</p>`}
        <!-- Home Assistant's extended floating action button: bottom right, over the list. -->
        <button
          id="add"
          class="primary fab"
          ?disabled=${!this.api}
          @click=${a=>this.addDialog.open(a.currentTarget)}
        >
          ${J(W.plus)} ${r("add")}
        </button>
      </main>
      ${this.hass&&this.api?$`<provisioning-add-dialog
              .hass=${this.hass}
              .api=${this.api}
              .store=${this.store}
              .localize=${r}
              @entry-added=${()=>this.version=this.store.version}
            ></provisioning-add-dialog>
            <provisioning-edit-dialog
              .hass=${this.hass}
              .api=${this.api}
              .localize=${r}
              @entry-saved=${a=>{this.store.put(a.detail),this.version=this.store.version}}
            ></provisioning-edit-dialog>
            <provisioning-delete-dialog
              .hass=${this.hass}
              .api=${this.api}
              .localize=${r}
              @entry-removed=${a=>{this.store.delete(a.detail),this.version=this.store.version}}
            ></provisioning-delete-dialog>`:w}
    `}static{this.styles=[re,Q`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--primary-background-color, #fafafa);
      }
      .toolbar {
        display: flex;
        align-items: center;
        gap: 12px;
        height: var(--header-height, 56px);
        padding: 0 12px 0 16px;
        background: var(--app-header-background-color, var(--primary-color, #03a9f4));
        color: var(--app-header-text-color, var(--text-primary-color, #fff));
        border-bottom: var(--app-header-border-bottom, none);
        position: sticky;
        top: 0;
        z-index: 2;
      }
      :host([narrow]) .toolbar {
        padding-left: 4px;
      }
      h1 {
        margin: 0;
        font-size: 20px;
        font-weight: 400;
      }
      main {
        padding: 16px;
        max-width: 1400px;
        margin: 0 auto;
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      :host([narrow]) main {
        padding: 8px 8px 88px;
      }
      .error-row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        flex-wrap: wrap;
      }
      main {
        /* Room under the last row for the floating button. */
        padding-bottom: 88px;
      }
      .fab {
        position: fixed;
        right: calc(16px + env(safe-area-inset-right));
        bottom: calc(16px + env(safe-area-inset-bottom));
        z-index: 3;
        display: inline-flex;
        align-items: center;
        gap: 8px;
        min-height: 56px;
        padding: 0 20px 0 16px;
        border-radius: 16px;
        box-shadow:
          0 3px 5px -1px rgba(0, 0, 0, 0.2),
          0 6px 10px 0 rgba(0, 0, 0, 0.14),
          0 1px 18px 0 rgba(0, 0, 0, 0.12);
      }
      .fab svg {
        width: 24px;
        height: 24px;
        fill: currentColor;
      }
    `]}};g([C({attribute:!1})],K.prototype,"hass",2),g([C({type:Boolean,reflect:!0})],K.prototype,"narrow",2),g([C({attribute:!1})],K.prototype,"route",2),g([C({attribute:!1})],K.prototype,"panel",2),g([_()],K.prototype,"window",2),g([_()],K.prototype,"coordinators",2),g([_()],K.prototype,"coordinator",2),g([_()],K.prototype,"version",2),g([_()],K.prototype,"loaded",2),g([_()],K.prototype,"error",2),g([_()],K.prototype,"busy",2),g([_()],K.prototype,"loadFailed",2),g([xe("provisioning-add-dialog")],K.prototype,"addDialog",2),g([xe("provisioning-edit-dialog")],K.prototype,"editDialog",2),g([xe("provisioning-delete-dialog")],K.prototype,"deleteDialog",2);Y("provisioning-panel",K);export{K as ProvisioningPanel};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
lit-html/directive.js:
lit-html/directives/repeat.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directives/if-defined.js:
  (**
   * @license
   * Copyright 2018 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
