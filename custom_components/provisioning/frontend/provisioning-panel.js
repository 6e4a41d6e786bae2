var Ws=Object.defineProperty;var Gs=Object.getOwnPropertyDescriptor;var g=(s,i,t,a)=>{for(var n=a>1?void 0:a?Gs(i,t):i,d=s.length-1,p;d>=0;d--)(p=s[d])&&(n=(a?p(i,t,n):p(n))||n);return a&&n&&Ws(i,t,n),n};var At=globalThis,Et=At.ShadowRoot&&(At.ShadyCSS===void 0||At.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,sr=Symbol(),pi=new WeakMap,Je=class{constructor(i,t,a){if(this._$cssResult$=!0,a!==sr)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=i,this.t=t}get styleSheet(){let i=this.o,t=this.t;if(Et&&i===void 0){let a=t!==void 0&&t.length===1;a&&(i=pi.get(t)),i===void 0&&((this.o=i=new CSSStyleSheet).replaceSync(this.cssText),a&&pi.set(t,i))}return i}toString(){return this.cssText}},ui=s=>new Je(typeof s=="string"?s:s+"",void 0,sr),Q=(s,...i)=>{let t=s.length===1?s[0]:i.reduce((a,n,d)=>a+(p=>{if(p._$cssResult$===!0)return p.cssText;if(typeof p=="number")return p;throw Error("Value passed to 'css' function must be a 'css' function result: "+p+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+s[d+1],s[0]);return new Je(t,s,sr)},hi=(s,i)=>{if(Et)s.adoptedStyleSheets=i.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of i){let a=document.createElement("style"),n=At.litNonce;n!==void 0&&a.setAttribute("nonce",n),a.textContent=t.cssText,s.appendChild(a)}},or=Et?s=>s:s=>s instanceof CSSStyleSheet?(i=>{let t="";for(let a of i.cssRules)t+=a.cssText;return ui(t)})(s):s;var{is:Qs,defineProperty:Ks,getOwnPropertyDescriptor:Zs,getOwnPropertyNames:Xs,getOwnPropertySymbols:Js,getPrototypeOf:Ys}=Object,Ct=globalThis,mi=Ct.trustedTypes,eo=mi?mi.emptyScript:"",to=Ct.reactiveElementPolyfillSupport,Ye=(s,i)=>s,et={toAttribute(s,i){switch(i){case Boolean:s=s?eo:null;break;case Object:case Array:s=s==null?s:JSON.stringify(s)}return s},fromAttribute(s,i){let t=s;switch(i){case Boolean:t=s!==null;break;case Number:t=s===null?null:Number(s);break;case Object:case Array:try{t=JSON.parse(s)}catch{t=null}}return t}},kt=(s,i)=>!Qs(s,i),fi={attribute:!0,type:String,converter:et,reflect:!1,useDefault:!1,hasChanged:kt};Symbol.metadata??=Symbol("metadata"),Ct.litPropertyMetadata??=new WeakMap;var $e=class extends HTMLElement{static addInitializer(i){this._$Ei(),(this.l??=[]).push(i)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(i,t=fi){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(i)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(i,t),!t.noAccessor){let a=Symbol(),n=this.getPropertyDescriptor(i,a,t);n!==void 0&&Ks(this.prototype,i,n)}}static getPropertyDescriptor(i,t,a){let{get:n,set:d}=Zs(this.prototype,i)??{get(){return this[t]},set(p){this[t]=p}};return{get:n,set(p){let f=n?.call(this);d?.call(this,p),this.requestUpdate(i,f,a)},configurable:!0,enumerable:!0}}static getPropertyOptions(i){return this.elementProperties.get(i)??fi}static _$Ei(){if(this.hasOwnProperty(Ye("elementProperties")))return;let i=Ys(this);i.finalize(),i.l!==void 0&&(this.l=[...i.l]),this.elementProperties=new Map(i.elementProperties)}static finalize(){if(this.hasOwnProperty(Ye("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Ye("properties"))){let t=this.properties,a=[...Xs(t),...Js(t)];for(let n of a)this.createProperty(n,t[n])}let i=this[Symbol.metadata];if(i!==null){let t=litPropertyMetadata.get(i);if(t!==void 0)for(let[a,n]of t)this.elementProperties.set(a,n)}this._$Eh=new Map;for(let[t,a]of this.elementProperties){let n=this._$Eu(t,a);n!==void 0&&this._$Eh.set(n,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(i){let t=[];if(Array.isArray(i)){let a=new Set(i.flat(1/0).reverse());for(let n of a)t.unshift(or(n))}else i!==void 0&&t.push(or(i));return t}static _$Eu(i,t){let a=t.attribute;return a===!1?void 0:typeof a=="string"?a:typeof i=="string"?i.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(i=>this.enableUpdating=i),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(i=>i(this))}addController(i){(this._$EO??=new Set).add(i),this.renderRoot!==void 0&&this.isConnected&&i.hostConnected?.()}removeController(i){this._$EO?.delete(i)}_$E_(){let i=new Map,t=this.constructor.elementProperties;for(let a of t.keys())this.hasOwnProperty(a)&&(i.set(a,this[a]),delete this[a]);i.size>0&&(this._$Ep=i)}createRenderRoot(){let i=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return hi(i,this.constructor.elementStyles),i}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(i=>i.hostConnected?.())}enableUpdating(i){}disconnectedCallback(){this._$EO?.forEach(i=>i.hostDisconnected?.())}attributeChangedCallback(i,t,a){this._$AK(i,a)}_$ET(i,t){let a=this.constructor.elementProperties.get(i),n=this.constructor._$Eu(i,a);if(n!==void 0&&a.reflect===!0){let d=(a.converter?.toAttribute!==void 0?a.converter:et).toAttribute(t,a.type);this._$Em=i,d==null?this.removeAttribute(n):this.setAttribute(n,d),this._$Em=null}}_$AK(i,t){let a=this.constructor,n=a._$Eh.get(i);if(n!==void 0&&this._$Em!==n){let d=a.getPropertyOptions(n),p=typeof d.converter=="function"?{fromAttribute:d.converter}:d.converter?.fromAttribute!==void 0?d.converter:et;this._$Em=n;let f=p.fromAttribute(t,d.type);this[n]=f??this._$Ej?.get(n)??f,this._$Em=null}}requestUpdate(i,t,a,n=!1,d){if(i!==void 0){let p=this.constructor;if(n===!1&&(d=this[i]),a??=p.getPropertyOptions(i),!((a.hasChanged??kt)(d,t)||a.useDefault&&a.reflect&&d===this._$Ej?.get(i)&&!this.hasAttribute(p._$Eu(i,a))))return;this.C(i,t,a)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(i,t,{useDefault:a,reflect:n,wrapped:d},p){a&&!(this._$Ej??=new Map).has(i)&&(this._$Ej.set(i,p??t??this[i]),d!==!0||p!==void 0)||(this._$AL.has(i)||(this.hasUpdated||a||(t=void 0),this._$AL.set(i,t)),n===!0&&this._$Em!==i&&(this._$Eq??=new Set).add(i))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let i=this.scheduleUpdate();return i!=null&&await i,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,d]of this._$Ep)this[n]=d;this._$Ep=void 0}let a=this.constructor.elementProperties;if(a.size>0)for(let[n,d]of a){let{wrapped:p}=d,f=this[n];p!==!0||this._$AL.has(n)||f===void 0||this.C(n,void 0,d,f)}}let i=!1,t=this._$AL;try{i=this.shouldUpdate(t),i?(this.willUpdate(t),this._$EO?.forEach(a=>a.hostUpdate?.()),this.update(t)):this._$EM()}catch(a){throw i=!1,this._$EM(),a}i&&this._$AE(t)}willUpdate(i){}_$AE(i){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(i)),this.updated(i)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(i){return!0}update(i){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(i){}firstUpdated(i){}};$e.elementStyles=[],$e.shadowRootOptions={mode:"open"},$e[Ye("elementProperties")]=new Map,$e[Ye("finalized")]=new Map,to?.({ReactiveElement:$e}),(Ct.reactiveElementVersions??=[]).push("2.1.2");var dr=globalThis,yi=s=>s,St=dr.trustedTypes,vi=St?St.createPolicy("lit-html",{createHTML:s=>s}):void 0,cr="$lit$",we=`lit$${Math.random().toFixed(9).slice(2)}$`,pr="?"+we,ro=`<${pr}>`,Oe=document,rt=()=>Oe.createComment(""),it=s=>s===null||typeof s!="object"&&typeof s!="function",ur=Array.isArray,_i=s=>ur(s)||typeof s?.[Symbol.iterator]=="function",lr=`[ 	
\f\r]`,tt=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,gi=/-->/g,bi=/>/g,Pe=RegExp(`>|${lr}(?:([^\\s"'>=/]+)(${lr}*=${lr}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),$i=/'/g,wi=/"/g,Ai=/^(?:script|style|textarea|title)$/i,hr=s=>(i,...t)=>({_$litType$:s,strings:i,values:t}),$=hr(1),Ei=hr(2),el=hr(3),xe=Symbol.for("lit-noChange"),w=Symbol.for("lit-nothing"),xi=new WeakMap,Le=Oe.createTreeWalker(Oe,129);function Ci(s,i){if(!ur(s)||!s.hasOwnProperty("raw"))throw Error("invalid template strings array");return vi!==void 0?vi.createHTML(i):i}var ki=(s,i)=>{let t=s.length-1,a=[],n,d=i===2?"<svg>":i===3?"<math>":"",p=tt;for(let f=0;f<t;f++){let y=s[f],E,z,x=-1,I=0;for(;I<y.length&&(p.lastIndex=I,z=p.exec(y),z!==null);)I=p.lastIndex,p===tt?z[1]==="!--"?p=gi:z[1]!==void 0?p=bi:z[2]!==void 0?(Ai.test(z[2])&&(n=RegExp("</"+z[2],"g")),p=Pe):z[3]!==void 0&&(p=Pe):p===Pe?z[0]===">"?(p=n??tt,x=-1):z[1]===void 0?x=-2:(x=p.lastIndex-z[2].length,E=z[1],p=z[3]===void 0?Pe:z[3]==='"'?wi:$i):p===wi||p===$i?p=Pe:p===gi||p===bi?p=tt:(p=Pe,n=void 0);let S=p===Pe&&s[f+1].startsWith("/>")?" ":"";d+=p===tt?y+ro:x>=0?(a.push(E),y.slice(0,x)+cr+y.slice(x)+we+S):y+we+(x===-2?f:S)}return[Ci(s,d+(s[t]||"<?>")+(i===2?"</svg>":i===3?"</math>":"")),a]},at=class s{constructor({strings:i,_$litType$:t},a){let n;this.parts=[];let d=0,p=0,f=i.length-1,y=this.parts,[E,z]=ki(i,t);if(this.el=s.createElement(E,a),Le.currentNode=this.el.content,t===2||t===3){let x=this.el.content.firstChild;x.replaceWith(...x.childNodes)}for(;(n=Le.nextNode())!==null&&y.length<f;){if(n.nodeType===1){if(n.hasAttributes())for(let x of n.getAttributeNames())if(x.endsWith(cr)){let I=z[p++],S=n.getAttribute(x).split(we),F=/([.?@])?(.*)/.exec(I);y.push({type:1,index:d,name:F[2],strings:S,ctor:F[1]==="."?Mt:F[1]==="?"?Rt:F[1]==="@"?Pt:He}),n.removeAttribute(x)}else x.startsWith(we)&&(y.push({type:6,index:d}),n.removeAttribute(x));if(Ai.test(n.tagName)){let x=n.textContent.split(we),I=x.length-1;if(I>0){n.textContent=St?St.emptyScript:"";for(let S=0;S<I;S++)n.append(x[S],rt()),Le.nextNode(),y.push({type:2,index:++d});n.append(x[I],rt())}}}else if(n.nodeType===8)if(n.data===pr)y.push({type:2,index:d});else{let x=-1;for(;(x=n.data.indexOf(we,x+1))!==-1;)y.push({type:7,index:d}),x+=we.length-1}d++}}static createElement(i,t){let a=Oe.createElement("template");return a.innerHTML=i,a}};function Ie(s,i,t=s,a){if(i===xe)return i;let n=a!==void 0?t._$Co?.[a]:t._$Cl,d=it(i)?void 0:i._$litDirective$;return n?.constructor!==d&&(n?._$AO?.(!1),d===void 0?n=void 0:(n=new d(s),n._$AT(s,t,a)),a!==void 0?(t._$Co??=[])[a]=n:t._$Cl=n),n!==void 0&&(i=Ie(s,n._$AS(s,i.values),n,a)),i}var Tt=class{constructor(i,t){this._$AV=[],this._$AN=void 0,this._$AD=i,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(i){let{el:{content:t},parts:a}=this._$AD,n=(i?.creationScope??Oe).importNode(t,!0);Le.currentNode=n;let d=Le.nextNode(),p=0,f=0,y=a[0];for(;y!==void 0;){if(p===y.index){let E;y.type===2?E=new Fe(d,d.nextSibling,this,i):y.type===1?E=new y.ctor(d,y.name,y.strings,this,i):y.type===6&&(E=new Lt(d,this,i)),this._$AV.push(E),y=a[++f]}p!==y?.index&&(d=Le.nextNode(),p++)}return Le.currentNode=Oe,n}p(i){let t=0;for(let a of this._$AV)a!==void 0&&(a.strings!==void 0?(a._$AI(i,a,t),t+=a.strings.length-2):a._$AI(i[t])),t++}},Fe=class s{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(i,t,a,n){this.type=2,this._$AH=w,this._$AN=void 0,this._$AA=i,this._$AB=t,this._$AM=a,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let i=this._$AA.parentNode,t=this._$AM;return t!==void 0&&i?.nodeType===11&&(i=t.parentNode),i}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(i,t=this){i=Ie(this,i,t),it(i)?i===w||i==null||i===""?(this._$AH!==w&&this._$AR(),this._$AH=w):i!==this._$AH&&i!==xe&&this._(i):i._$litType$!==void 0?this.$(i):i.nodeType!==void 0?this.T(i):_i(i)?this.k(i):this._(i)}O(i){return this._$AA.parentNode.insertBefore(i,this._$AB)}T(i){this._$AH!==i&&(this._$AR(),this._$AH=this.O(i))}_(i){this._$AH!==w&&it(this._$AH)?this._$AA.nextSibling.data=i:this.T(Oe.createTextNode(i)),this._$AH=i}$(i){let{values:t,_$litType$:a}=i,n=typeof a=="number"?this._$AC(i):(a.el===void 0&&(a.el=at.createElement(Ci(a.h,a.h[0]),this.options)),a);if(this._$AH?._$AD===n)this._$AH.p(t);else{let d=new Tt(n,this),p=d.u(this.options);d.p(t),this.T(p),this._$AH=d}}_$AC(i){let t=xi.get(i.strings);return t===void 0&&xi.set(i.strings,t=new at(i)),t}k(i){ur(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,a,n=0;for(let d of i)n===t.length?t.push(a=new s(this.O(rt()),this.O(rt()),this,this.options)):a=t[n],a._$AI(d),n++;n<t.length&&(this._$AR(a&&a._$AB.nextSibling,n),t.length=n)}_$AR(i=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);i!==this._$AB;){let a=yi(i).nextSibling;yi(i).remove(),i=a}}setConnected(i){this._$AM===void 0&&(this._$Cv=i,this._$AP?.(i))}},He=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(i,t,a,n,d){this.type=1,this._$AH=w,this._$AN=void 0,this.element=i,this.name=t,this._$AM=n,this.options=d,a.length>2||a[0]!==""||a[1]!==""?(this._$AH=Array(a.length-1).fill(new String),this.strings=a):this._$AH=w}_$AI(i,t=this,a,n){let d=this.strings,p=!1;if(d===void 0)i=Ie(this,i,t,0),p=!it(i)||i!==this._$AH&&i!==xe,p&&(this._$AH=i);else{let f=i,y,E;for(i=d[0],y=0;y<d.length-1;y++)E=Ie(this,f[a+y],t,y),E===xe&&(E=this._$AH[y]),p||=!it(E)||E!==this._$AH[y],E===w?i=w:i!==w&&(i+=(E??"")+d[y+1]),this._$AH[y]=E}p&&!n&&this.j(i)}j(i){i===w?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,i??"")}},Mt=class extends He{constructor(){super(...arguments),this.type=3}j(i){this.element[this.name]=i===w?void 0:i}},Rt=class extends He{constructor(){super(...arguments),this.type=4}j(i){this.element.toggleAttribute(this.name,!!i&&i!==w)}},Pt=class extends He{constructor(i,t,a,n,d){super(i,t,a,n,d),this.type=5}_$AI(i,t=this){if((i=Ie(this,i,t,0)??w)===xe)return;let a=this._$AH,n=i===w&&a!==w||i.capture!==a.capture||i.once!==a.once||i.passive!==a.passive,d=i!==w&&(a===w||n);n&&this.element.removeEventListener(this.name,this,a),d&&this.element.addEventListener(this.name,this,i),this._$AH=i}handleEvent(i){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,i):this._$AH.handleEvent(i)}},Lt=class{constructor(i,t,a){this.element=i,this.type=6,this._$AN=void 0,this._$AM=t,this.options=a}get _$AU(){return this._$AM._$AU}_$AI(i){Ie(this,i)}},Si={M:cr,P:we,A:pr,C:1,L:ki,R:Tt,D:_i,V:Ie,I:Fe,H:He,N:Rt,U:Pt,B:Mt,F:Lt},io=dr.litHtmlPolyfillSupport;io?.(at,Fe),(dr.litHtmlVersions??=[]).push("3.3.3");var Ti=(s,i,t)=>{let a=t?.renderBefore??i,n=a._$litPart$;if(n===void 0){let d=t?.renderBefore??null;a._$litPart$=n=new Fe(i.insertBefore(rt(),d),d,void 0,t??{})}return n._$AI(s),n};var mr=globalThis,B=class extends $e{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let i=super.createRenderRoot();return this.renderOptions.renderBefore??=i.firstChild,i}update(i){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(i),this._$Do=Ti(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return xe}};B._$litElement$=!0,B.finalized=!0,mr.litElementHydrateSupport?.({LitElement:B});var ao=mr.litElementPolyfillSupport;ao?.({LitElement:B});(mr.litElementVersions??=[]).push("4.2.2");var no={attribute:!0,type:String,converter:et,reflect:!1,hasChanged:kt},so=(s=no,i,t)=>{let{kind:a,metadata:n}=t,d=globalThis.litPropertyMetadata.get(n);if(d===void 0&&globalThis.litPropertyMetadata.set(n,d=new Map),a==="setter"&&((s=Object.create(s)).wrapped=!0),d.set(t.name,s),a==="accessor"){let{name:p}=t;return{set(f){let y=i.get.call(this);i.set.call(this,f),this.requestUpdate(p,y,s,!0,f)},init(f){return f!==void 0&&this.C(p,void 0,s,f),f}}}if(a==="setter"){let{name:p}=t;return function(f){let y=this[p];i.call(this,f),this.requestUpdate(p,y,s,!0,f)}}throw Error("Unsupported decorator location: "+a)};function C(s){return(i,t)=>typeof t=="object"?so(s,i,t):((a,n,d)=>{let p=n.hasOwnProperty(d);return n.constructor.createProperty(d,a),p?Object.getOwnPropertyDescriptor(n,d):void 0})(s,i,t)}function _(s){return C({...s,state:!0,attribute:!1})}var ze=(s,i,t)=>(t.configurable=!0,t.enumerable=!0,Reflect.decorate&&typeof i!="object"&&Object.defineProperty(s,i,t),t);function _e(s,i){return(t,a,n)=>{let d=p=>p.renderRoot?.querySelector(s)??null;if(i){let{get:p,set:f}=typeof a=="object"?t:n??(()=>{let y=Symbol();return{get(){return this[y]},set(E){this[y]=E}}})();return ze(t,a,{get(){let y=p.call(this);return y===void 0&&(y=d(this),(y!==null||this.hasUpdated)&&f.call(this,y)),y}})}return ze(t,a,{get(){return d(this)}})}}var Be="provisioning",nt=class{constructor(i,t){this.hass=i;this.configEntryId=t}call(i,t={}){let a={type:`${Be}/${i}`,...t};return this.configEntryId&&(a.config_entry_id=this.configEntryId),this.hass.callWS(a)}subscribe(i){let t={type:`${Be}/entries/subscribe`};return this.configEntryId&&(t.config_entry_id=this.configEntryId),this.hass.connection.subscribeMessage(i,t)}async coordinators(){return(await this.hass.callWS({type:`${Be}/coordinators`})).coordinators}parse(i){return this.hass.callWS({type:`${Be}/code/parse`,qr_code:i})}async add(i){return(await this.call("entries/add",oo(i))).entry}async update(i,t){return(await this.call("entries/update",{ieee:i,...t})).entry}async remove(i){await this.call("entries/remove",{ieee:i})}importCsv(i){return this.call("entries/import",{csv:i})}async startWindow(i){let t=i===void 0?{}:{duration:i};return(await this.call("window/start",t)).window}async stopWindow(){return(await this.call("window/stop")).window}async setGuard(i){return(await this.call("guard/set",{enabled:i})).window}};function oo(s){let i={};for(let[t,a]of Object.entries(s))typeof a=="string"&&a.trim()!==""&&(i[t]=a.trim());return i}var Mi;function Ue(s){return Mi??=s.loadBackendTranslation("exceptions",Be).then(i=>typeof i=="function"?i:void 0).catch(()=>{}),Mi}function je(s){let i=s?.translation_placeholders?.field;return typeof i=="string"?i:void 0}async function ne(s,i){let t=i??{};if(t.translation_key){let d=(await Ue(s)??s.localize)(`component.${Be}.exceptions.${t.translation_key}.message`,t.translation_placeholders);if(d)return d}return typeof t.message=="string"&&t.message?t.message:i instanceof Error?i.message:String(i)}var fr=class extends EventTarget{constructor(t=()=>Date.now()){super();this.local=t;this.offsetMs=0}now(){return this.local()+this.offsetMs}get offset(){return this.offsetMs}sync(t){if(!t)return!1;let a=Date.parse(t);if(Number.isNaN(a))return!1;let n=a-this.local();return Math.abs(n)<1e3&&(n=0),n===this.offsetMs?!1:(this.offsetMs=n,this.dispatchEvent(new Event("change")),!0)}},de=new fr;var Ri=s=>s??w;var re=Q`
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
`,Ot=Q`
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
`,W={menu:"M3,6H21V8H3V6M3,11H21V13H3V11M3,16H21V18H3V16Z",close:"M19,6.41L17.59,5L12,10.59L6.41,5L5,6.41L10.59,12L5,17.59L6.41,19L12,13.41L17.59,19L19,17.59L13.41,12L19,6.41Z",pencil:"M20.71,7.04C21.1,6.65 21.1,6 20.71,5.63L18.37,3.29C18,2.9 17.35,2.9 16.96,3.29L15.12,5.12L18.87,8.87M3,17.25V21H6.75L17.81,9.93L14.06,6.18L3,17.25Z",delete:"M19,4H15.5L14.5,3H9.5L8.5,4H5V6H19M6,19A2,2 0 0,0 8,21H16A2,2 0 0,0 18,19V7H6V19Z",openInNew:"M14,3V5H17.59L7.76,14.83L9.17,16.24L19,6.41V10H21V3M19,19H5V5H12V3H5C3.89,3 3,3.9 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V12H19V19Z",plus:"M19,13H13V19H11V13H5V11H11V5H13V11H19V13Z",camera:"M4,4H7L9,2H15L17,4H20A2,2 0 0,1 22,6V18A2,2 0 0,1 20,20H4A2,2 0 0,1 2,18V6A2,2 0 0,1 4,4M12,7A5,5 0 0,0 7,12A5,5 0 0,0 12,17A5,5 0 0,0 17,12A5,5 0 0,0 12,7M12,9A3,3 0 0,1 15,12A3,3 0 0,1 12,15A3,3 0 0,1 9,12A3,3 0 0,1 12,9Z",upload:"M9,16V10H5L12,3L19,10H15V16H9M5,20V18H19V20H5Z",eye:"M12,9A3,3 0 0,0 9,12A3,3 0 0,0 12,15A3,3 0 0,0 15,12A3,3 0 0,0 12,9M12,17A5,5 0 0,1 7,12A5,5 0 0,1 12,7A5,5 0 0,1 17,12A5,5 0 0,1 12,17M12,4.5C7,4.5 2.73,7.61 1,12C2.73,16.39 7,19.5 12,19.5C17,19.5 21.27,16.39 23,12C21.27,7.61 17,4.5 12,4.5Z",eyeOff:"M11.83,9L15,12.16C15,12.11 15,12.05 15,12A3,3 0 0,0 12,9C11.94,9 11.89,9 11.83,9M7.53,9.8L9.08,11.35C9.03,11.56 9,11.77 9,12A3,3 0 0,0 12,15C12.22,15 12.44,14.97 12.65,14.92L14.2,16.47C13.53,16.8 12.79,17 12,17A5,5 0 0,1 7,12C7,11.21 7.2,10.47 7.53,9.8M2,4.27L4.28,6.55L4.73,7C3.08,8.3 1.78,10 1,12C2.73,16.39 7,19.5 12,19.5C13.55,19.5 15.03,19.2 16.38,18.66L16.81,19.08L19.73,22L21,20.73L3.27,3M12,7A5,5 0 0,1 17,12C17,12.64 16.87,13.26 16.64,13.82L19.57,16.75C21.07,15.5 22.27,13.86 23,12C21.27,7.61 17,4.5 12,4.5C10.6,4.5 9.26,4.75 8,5.2L10.17,7.35C10.74,7.13 11.35,7 12,7Z",sortAsc:"M7,15L12,10L17,15H7Z",sortDesc:"M7,10L12,15L17,10H7Z"};function X(s,i){customElements.get(s)||customElements.define(s,i)}function Y(s){return Ei`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${s}></path></svg>`}function ie(s,i,t){s.dispatchEvent(new CustomEvent(i,{detail:t,bubbles:!0,composed:!0}))}function Pi(s){history.pushState(null,"",s),window.dispatchEvent(new CustomEvent("location-changed"))}function Ve(s,i,t){let a=Object.values(s??{}).sort((n,d)=>n.name.localeCompare(d.name));return $`<option value="" ?selected=${!i}>${t("no_area")}</option>
    ${a.map(n=>$`<option value=${n.area_id} ?selected=${n.area_id===i}>
          ${n.name}
        </option>`)}`}var ye=class extends B{constructor(){super(...arguments);this.label="";this.value="";this.error="";this.name="";this.autocomplete="off";this.shown=!1}static{this.shadowRootOptions={...B.shadowRootOptions,delegatesFocus:!0}}render(){let t=this.localize;return $`<label class="field">
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
            aria-describedby=${Ri(this.error?"error":void 0)}
            .value=${this.value}
            @input=${a=>{this.value=a.target.value,this.dispatchEvent(new CustomEvent("value-changed",{detail:this.value}))}}
          />
          <button
            type="button"
            class="icon"
            aria-pressed=${this.shown?"true":"false"}
            aria-label=${this.shown?t("hide_secret"):t("show_secret")}
            title=${this.shown?t("hide_secret"):t("show_secret")}
            @click=${()=>{this.shown=!this.shown}}
          >
            ${Y(this.shown?W.eyeOff:W.eye)}
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
    `]}};g([C()],ye.prototype,"label",2),g([C()],ye.prototype,"value",2),g([C()],ye.prototype,"error",2),g([C()],ye.prototype,"name",2),g([C()],ye.prototype,"autocomplete",2),g([C({attribute:!1})],ye.prototype,"localize",2),g([_()],ye.prototype,"shown",2);X("provisioning-secret-input",ye);var J=class extends B{constructor(){super(...arguments);this.typeMode="qr";this.qr="";this.ieee="";this.keyType="install_code";this.key="";this.name="";this.areaId="";this.fieldErrors={};this.typeError="";this.busy=!1}async submit(t){if(t.preventDefault(),this.busy)return;let a={name:this.name,area_id:this.areaId};this.typeMode==="qr"?a.qr_code=this.qr:(a.ieee=this.ieee,a[this.keyType]=this.key),this.busy=!0,this.fieldErrors={},this.typeError="",ie(this,"add-message",void 0);try{let n=await this.api.add(a);this.store.put(n),ie(this,"entry-added",n),ie(this,"add-message",{kind:"ok",text:this.localize("added",{name:n.name||n.ieee})}),this.qr="",this.ieee="",this.key="",this.name=""}catch(n){let d=await ne(this.hass,n),p=je(n),f=p==="install_code"||p==="link_key"?"key":p==="qr_code"&&this.typeMode==="qr"?"qr_code":p==="ieee"&&this.typeMode==="fields"?"ieee":void 0;if(f){this.fieldErrors={[f]:d};let y=f==="key"?"type-key":f==="qr_code"?"type-qr":"type-ieee";this.updateComplete.then(()=>this.renderRoot.querySelector(`#${y}`)?.focus())}else this.typeError=d}finally{this.busy=!1}}render(){let t=this.localize,a=this.fieldErrors;return $`<form id="type-form" @submit=${this.submit}>
      ${this.typeError?$`<div class="alert" role="alert" id="type-error">${this.typeError}</div>`:w}
      <fieldset class="mode">
        <legend>${t("type_mode")}</legend>
        <label
          ><input
            type="radio"
            name="type-mode"
            id="mode-qr"
            .checked=${this.typeMode==="qr"}
            @change=${()=>{this.typeMode="qr"}}
          />${t("type_qr")}</label
        >
        <label
          ><input
            type="radio"
            name="type-mode"
            id="mode-fields"
            .checked=${this.typeMode==="fields"}
            @change=${()=>{this.typeMode="fields"}}
          />${t("type_fields")}</label
        >
      </fieldset>
      ${this.typeMode==="qr"?$`<provisioning-secret-input
            id="type-qr"
            name="qr_code"
            .label=${t("qr_code")}
            .value=${this.qr}
            .error=${a.qr_code??""}
            .localize=${t}
            @value-changed=${n=>{this.qr=n.detail}}
          ></provisioning-secret-input>`:$`<label class="field"
              >${t("ieee")}
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
              >${t("key_type")}
              <select
                id="type-key-type"
                name="key_type"
                @change=${n=>{this.keyType=n.target.value}}
              >
                <option value="install_code" ?selected=${this.keyType==="install_code"}>
                  ${t("install_code")}
                </option>
                <option value="link_key" ?selected=${this.keyType==="link_key"}>${t("link_key")}</option>
              </select>
            </label>
            <provisioning-secret-input
              id="type-key"
              name=${this.keyType}
              .label=${this.keyType==="install_code"?t("install_code"):t("link_key")}
              .value=${this.key}
              .error=${a.key??""}
              .localize=${t}
              @value-changed=${n=>{this.key=n.detail}}
            ></provisioning-secret-input>`}
      <label class="field"
        >${t("name")}
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
        >${t("area")}
        <select
          id="type-area"
          name="area_id"
          @change=${n=>{this.areaId=n.target.value}}
        >
          ${Ve(this.hass.areas,this.areaId,t)}
        </select>
      </label>
      <div class="buttons">
        <button type="submit" id="type-add" class="primary" ?disabled=${this.busy}>
          ${t("add_device")}
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
    `]}};g([C({attribute:!1})],J.prototype,"hass",2),g([C({attribute:!1})],J.prototype,"api",2),g([C({attribute:!1})],J.prototype,"store",2),g([C({attribute:!1})],J.prototype,"localize",2),g([_()],J.prototype,"typeMode",2),g([_()],J.prototype,"qr",2),g([_()],J.prototype,"ieee",2),g([_()],J.prototype,"keyType",2),g([_()],J.prototype,"key",2),g([_()],J.prototype,"name",2),g([_()],J.prototype,"areaId",2),g([_()],J.prototype,"fieldErrors",2),g([_()],J.prototype,"typeError",2),g([_()],J.prototype,"busy",2);X("provisioning-type-form",J);var lo={NotFoundError:"no_camera",DevicesNotFoundError:"no_camera",OverconstrainedError:"no_camera",ConstraintNotSatisfiedError:"no_camera",NotAllowedError:"denied",PermissionDeniedError:"denied",SecurityError:"denied",NotReadableError:"in_use",TrackStartError:"in_use",AbortError:"in_use"};function Li(s){let i=s?.name;return typeof i=="string"&&lo[i]||"unavailable"}var co={qr_code:"qr_code",data_matrix:"data_matrix"};function Oi(s){let i=s?.auth?.external;return i?.config?.hasBarCodeScanner?i:void 0}var It=class{constructor(i,t){this.app=i;this.handlers=t;this.wrapped=!1}get scanning(){return this.wrapped}open(i){this.wrapped||(this.previous=window.externalBus,window.externalBus=t=>this.receive(t),this.wrapped=!0),this.app.fireMessage({type:"bar_code/scan",payload:{...i}})}notify(i){this.app.fireMessage({type:"bar_code/notify",payload:{message:i}})}close(){this.wrapped&&(this.app.fireMessage({type:"bar_code/close"}),this.restore())}restore(){this.wrapped&&(window.externalBus=this.previous,this.previous=void 0,this.wrapped=!1)}receive(i){let t=i.type==="command"?i.command:void 0;if(t!=="bar_code/scan_result"&&t!=="bar_code/aborted"){this.previous?.(i);return}i.id!==void 0&&this.app.fireMessage({id:i.id,type:"result",success:!0,result:null});let a=i.payload??{};if(t==="bar_code/aborted"){this.restore(),this.handlers.onAborted(String(a.reason??"canceled"));return}let n=co[String(a.format)]??null;this.handlers.onRead(String(a.rawValue??""),n)}};var ce=[["All","*","*","     ",0,"All"],["AllReadable","*","r","     ",0,"All Readable"],["AllCreatable","*","w","     ",0,"All Creatable"],["AllLinear","*","l","     ",0,"All Linear"],["AllMatrix","*","m","     ",0,"All Matrix"],["AllGS1","*","G","     ",0,"All GS1"],["AllRetail","*","R","     ",0,"All Retail"],["AllIndustrial","*","I","     ",0,"All Industrial"],["Codabar","F"," ","lrw  ",18,"Codabar"],["Code39","A"," ","lrw I",8,"Code 39"],["Code39Std","A","s","lrw I",8,"Code 39 Standard"],["Code39Ext","A","e","lr  I",9,"Code 39 Extended"],["Code32","A","2","lr  I",129,"Code 32"],["PZN","A","p","lr  I",52,"Pharmazentralnummer"],["Code93","G"," ","lrw I",25,"Code 93"],["Code128","C"," ","lrwGI",20,"Code 128"],["ITF","I"," ","lrw I",3,"ITF"],["ITF14","I","4","lr  I",89,"ITF-14"],["DataBar","e"," ","lr GR",29,"DataBar"],["DataBarOmni","e","o","lr GR",29,"DataBar Omni"],["DataBarStk","e","s","lr GR",79,"DataBar Stacked"],["DataBarStkOmni","e","O","lr GR",80,"DataBar Stacked Omni"],["DataBarLtd","e","l","lr GR",30,"DataBar Limited"],["DataBarExp","e","e","lr GR",31,"DataBar Expanded"],["DataBarExpStk","e","E","lr GR",81,"DataBar Expanded Stacked"],["EANUPC","E"," ","lr  R",15,"EAN/UPC"],["EAN13","E","1","lrw R",15,"EAN-13"],["EAN8","E","8","lrw R",10,"EAN-8"],["EAN5","E","5","l   R",12,"EAN-5"],["EAN2","E","2","l   R",11,"EAN-2"],["ISBN","E","i","lr  R",69,"ISBN"],["UPCA","E","a","lrw R",34,"UPC-A"],["UPCE","E","e","lrw R",37,"UPC-E"],["Telepen","B"," ","lr  I",32,"Telepen"],["TelepenAlpha","B","0","lr  I",32,"Telepen Alpha"],["TelepenNumeric","B","1","lr  I",87,"Telepen Numeric"],["OtherBarcode","X"," "," r   ",0,"Other barcode"],["DXFilmEdge","X","x","lr   ",147,"DX Film Edge"],["PDF417","L"," ","mrw  ",55,"PDF417"],["CompactPDF417","L","c","mr   ",56,"Compact PDF417"],["MicroPDF417","L","m","mr   ",84,"MicroPDF417"],["Aztec","z"," ","mr G ",92,"Aztec"],["AztecCode","z","c","mrwG ",92,"Aztec Code"],["AztecRune","z","r","mr   ",128,"Aztec Rune"],["QRCode","Q"," ","mrwG ",58,"QR Code"],["QRCodeModel1","Q","1","mr   ",0,"QR Code Model 1"],["QRCodeModel2","Q","2","mr   ",58,"QR Code Model 2"],["MicroQRCode","Q","m","mr   ",97,"Micro QR Code"],["RMQRCode","Q","r","mr G ",145,"rMQR Code"],["DataMatrix","d"," ","mrwG ",71,"Data Matrix"],["MaxiCode","U"," ","mr   ",57,"MaxiCode"]],po={DataBarExpanded:"DataBarExp",DataBarLimited:"DataBarLtd","Linear-Codes":"AllLinear","Matrix-Codes":"AllMatrix",Any:"All",rMQRCode:"RMQRCode"},uo=ce.map(s=>s[5]),ho=ce.filter(s=>s[1]==="*").map(s=>s[0]),mo=ce.filter(s=>s[1]!=="*").map(s=>s[0]);var fo=ce.filter(s=>s[2]===" ").map(s=>s[0]),yo=ce.filter(s=>s[3][0]==="l").map(s=>s[0]);var vo=ce.filter(s=>s[3][0]==="m").map(s=>s[0]);var go=ce.filter(s=>s[3][1]==="r").map(s=>s[0]),bo=ce.filter(s=>s[3][2]==="w"||s[4]!==0).map(s=>s[0]),$o=ce.filter(s=>s[3][3]==="G").map(s=>s[0]),wo=ce.filter(s=>s[3][4]==="R").map(s=>s[0]),xo=ce.filter(s=>s[3][4]==="I").map(s=>s[0]);function Ii(s){var i;return(i=po[s])==null?s:i}function Hi(s){return s.map(Ii).join(",")}var zi=["LocalAverage","GlobalHistogram","FixedThreshold","BoolCast"];function _o(s){return zi.indexOf(s)}var vr="Unknown.ASCII.ISO8859_1.ISO8859_2.ISO8859_3.ISO8859_4.ISO8859_5.ISO8859_6.ISO8859_7.ISO8859_8.ISO8859_9.ISO8859_10.ISO8859_11.ISO8859_13.ISO8859_14.ISO8859_15.ISO8859_16.Cp437.Cp1250.Cp1251.Cp1252.Cp1256.Shift_JIS.Big5.GB2312.GB18030.EUC_JP.EUC_KR.UTF16BE.UTF8.UTF16LE.UTF32BE.UTF32LE.BINARY".split(".");function Ao(s){return s==="UnicodeBig"?vr.indexOf("UTF16BE"):vr.indexOf(s)}var Ni=["Text","Binary","Mixed","GS1","ISO15434","UnknownECI"];function Eo(s){return Ni[s]}var Di=["Ignore","Read","Require"];function Co(s){return Di.indexOf(s)}var Fi=["Plain","ECI","HRI","Escaped","Hex","HexECI"];function ko(s){return Fi.indexOf(s)}var Ht={formats:[],tryHarder:!0,tryRotate:!0,tryInvert:!0,tryDownscale:!0,tryDenoise:!1,binarizer:"LocalAverage",isPure:!1,downscaleFactor:3,downscaleThreshold:500,minLineCount:2,maxNumberOfSymbols:255,validateOptionalChecksum:!1,returnErrors:!1,eanAddOnSymbol:"Ignore",textMode:"HRI",characterSet:"Unknown",tryCode39ExtendedMode:!0};function So(s){var i;return{...s,formats:Hi(s.formats),binarizer:_o(s.binarizer),eanAddOnSymbol:Co(s.eanAddOnSymbol),textMode:ko(s.textMode),characterSet:Ao(s.characterSet),tryCode39ExtendedMode:(i=s.tryCode39ExtendedMode)==null||i}}function To(s){return{...s,orientation:s.rotation,format:s.format,symbology:s.symbology,contentType:Eo(s.contentType)}}var Mo={format:"QRCode",readerInit:!1,forceSquareDataMatrix:!1,ecLevel:"",scale:1,sizeHint:0,rotate:0,invert:!1,withHRT:!1,withQuietZones:!0,addHRT:!1,addQuietZones:!0,options:""};function Ro(s,i){let t=s.byteLength>>2;for(let a=0;a<t;a+=1024){let n=Math.min(a+1024,t);for(let d=a;d<n;d++){let p=d<<2;i[d]=306*s[p]+601*s[p+1]+117*s[p+2]+512>>10}}}var Po={locateFile:(s,i)=>{let t=s.match(/_(.+?)\.wasm$/);return t?`https://fastly.jsdelivr.net/npm/zxing-wasm@3.1.6/dist/${t[1]}/${s}`:i+s}},yr=new WeakMap;function Lo(s,i){return Object.is(s,i)||Object.keys(s).length===Object.keys(i).length&&Object.keys(s).every(t=>Object.prototype.hasOwnProperty.call(i,t)&&s[t]===i[t])}function gr(s){let{overrides:i,equalityFn:t=Lo,fireImmediately:a=!1}=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{};var n;let[d,p]=(n=yr.get(s))==null?[Po]:n,f=i??d,y;if(a){if(p&&(y=t(d,f)))return p;let E=s({...f});return yr.set(s,[f,E]),E}(y??t(d,f))||yr.set(s,[f])}async function Bi(s,i){let t=arguments.length>2&&arguments[2]!==void 0?arguments[2]:Ht,a={...Ht,...t},n=await gr(s,{fireImmediately:!0}),d,p=So(a);if("width"in i&&"height"in i&&"data"in i){let{width:f,height:y}=i,E=i.data.buffer===n.HEAPU8.buffer?i.data.slice():i.data,z=E.byteLength/4,x=n._malloc(z);if(!x)throw Error(`Failed to allocate ${z} bytes in WASM memory`);try{Ro(E,n.HEAPU8.subarray(x,x+z)),d=n.readBarcodesFromPixmap(x,f,y,p)}finally{n._free(x)}}else{let f;if("buffer"in i)f=i;else if("byteLength"in i)f=new Uint8Array(i);else if("size"in i)f=new Uint8Array(await i.arrayBuffer());else throw TypeError("Invalid input type");let y=n._malloc(f.byteLength);if(!y)throw Error(`Failed to allocate ${f.byteLength} bytes in WASM memory`);try{n.HEAPU8.set(f,y),d=n.readBarcodesFromImage(y,f.byteLength,p)}finally{n._free(y)}}try{let f=[],y=d.size();for(let E=0;E<y;++E)f.push(To(d.get(E)));return f}finally{d.delete()}}var Oo={...Ht,formats:[...Ht.formats]},hd={...Mo};function Io(s,i,t){return i in s?Object.defineProperty(s,i,{value:t,enumerable:!0,configurable:!0,writable:!0}):s[i]=t,s}async function Ui(){let s=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};var i,t,a,n=s,d=!!globalThis.window,p=!!globalThis.WorkerGlobalScope;(t=globalThis.process)!=null&&(i=t.versions)!=null&&i.node&&((a=globalThis.process)==null||a.type);var f=(e,r)=>{throw r},y=void 0,E="";function z(e){return n.locateFile?n.locateFile(e,E):E+e}var x,I;if(d||p||typeof fetch=="function"){try{E=new URL(".",y).href}catch{}p&&(I=e=>{var r=new XMLHttpRequest;return r.open("GET",e,!1),r.responseType="arraybuffer",r.send(null),new Uint8Array(r.response)}),x=async e=>{var r=await fetch(e,{credentials:"same-origin"});if(r.ok)return r.arrayBuffer();throw Error(r.status+" : "+r.url)}}console.log.bind(console);var S=console.error.bind(console),F,ee=!1,Ae;class k{}class Ut extends k{constructor(r){super(),this.excPtr=r}}function va(){return bt.buffer}function _r(){var e;if(!(ge!=null&&(e=ge.buffer)!=null&&e.resizable)){var r=va();ge=new Int8Array(r),vt=new Int16Array(r),n.HEAPU8=oe=new Uint8Array(r),Ze=new Uint16Array(r),gt=new Int32Array(r),j=new Uint32Array(r),Vr=new Float32Array(r),qr=new Float64Array(r)}}function ga(){var e=n.preRun;e&&(typeof e=="function"&&(e=[e]),kr.push(...e)),Er(kr)}function ba(){$t.ra()}function $a(){var e=n.postRun;e&&(typeof e=="function"&&(e=[e]),Cr.push(...e)),Er(Cr)}function jt(e){var r;throw(r=n.onAbort)==null||r.call(n,e),e=`Aborted(${e})`,S(e),ee=!0,e+=". Build with -sASSERTIONS for more info.",new WebAssembly.RuntimeError(e)}var ot;function wa(){return z("zxing_reader.wasm")}function xa(e){if(e==ot&&F)return new Uint8Array(F);if(I)return I(e);throw"both async and sync fetching of the wasm failed"}async function _a(e){if(!F)try{var r=await x(e);return new Uint8Array(r)}catch{}return xa(e)}async function Aa(e,r){try{var o=await _a(e);return await WebAssembly.instantiate(o,r)}catch(l){S(`failed to asynchronously prepare wasm: ${l}`),jt(l)}}async function Ea(e,r,o){if(!e)try{var l=fetch(r,{credentials:"same-origin"});return await WebAssembly.instantiateStreaming(l,o)}catch(c){S(`wasm streaming compile failed: ${c}`),S("falling back to ArrayBuffer instantiation")}return Aa(r,o)}function Ca(){return{a:hs}}async function ka(){function e(c){return $t=c.exports,us($t),_r(),$t}function r(c){return e(c.instance)}var o=Ca(),l=n.instantiateWasm;return l?new Promise(c=>{l(o,u=>c(e(u)))}):(ot!=null||(ot=wa()),r(await Ea(F,ot,o)))}class Ar{constructor(r){Io(this,"name","ExitStatus"),this.message=`Program terminated with exit(${r})`,this.status=r}}var ge,Er=e=>{for(;e.length>0;)e.shift()(n)},Cr=[],kr=[],Vt=!0,R=e=>ai(e),P=()=>si(),Sr=[],T=e=>{var r=Sr[e];return r||(Sr[e]=r=ci.get(e)),r},Sa=(e,r)=>T(e)(r),We=[],qt=0,j;class Wt{set_type(r){j[this.ptr+4>>2]=r}get_type(){return j[this.ptr+4>>2]}set_destructor(r){j[this.ptr+8>>2]=r}get_destructor(){return j[this.ptr+8>>2]}set_caught(r){r=+!!r,ge[this.ptr+12]=r}get_caught(){return ge[this.ptr+12]!=0}set_rethrown(r){r=+!!r,ge[this.ptr+13]=r}get_rethrown(){return ge[this.ptr+13]!=0}init(r,o){this.set_adjusted_ptr(0),this.set_type(r),this.set_destructor(o)}set_adjusted_ptr(r){j[this.ptr+16>>2]=r}get_adjusted_ptr(){return j[this.ptr+16>>2]}constructor(r){this.excPtr=r,this.ptr=r-24}}var Ta=e=>{var r=new Wt(e);return r.get_caught()||(r.set_caught(!0),qt--),r.set_rethrown(!1),We.push(r),ti(e)},Ee=null,Ma=()=>{M(0,0);var e=We.pop();oi(e.excPtr),Ee=null},lt=e=>ii(e),Gt=e=>{var r=Ee?.excPtr;if(!r)return lt(0),0;var o=new Wt(r);o.set_adjusted_ptr(r);var l=o.get_type();if(!l)return lt(0),r;for(var c of e){if(!c||c===l)break;var u=o.ptr+16;if(li(c,l,u))return lt(c),r}return lt(l),r},Ra=()=>Gt([]),Pa=e=>Gt([e]),La=(e,r)=>Gt([e,r]),Tr=e=>{throw e},Oa=()=>{We.length||jt("no exception to throw");var e=We[We.length-1],r=e.excPtr;e.set_rethrown(!0),e.set_caught(!1),qt++,nr(r),r=Ee=new Ut(r),Tr(r)},Ia=(e,r,o)=>{new Wt(e).init(r,o),nr(e),e=Ee=new Ut(e),qt++,Tr(e)},Ha=e=>{throw e},za=e=>{e=Ee??(Ee=new Ut(e)),Ha(e)},Na=()=>jt(""),dt={},Qt=e=>{for(;e.length;){var r=e.pop();e.pop()(r)}};function Ge(e){return this.fromWireType(j[e>>2])}var Ne={},Me={},ct={};class Da extends Error{constructor(r){super(r),this.name="InternalError"}}var pt=e=>{throw new Da(e)},Ce=(e,r,o)=>{e.forEach(m=>ct[m]=r);function l(m){var v=o(m);v.length!==e.length&&pt("Mismatched type converter count");for(var b=0;b<e.length;++b)ue(e[b],v[b])}var c=Array(r.length),u=[],h=0;for(let[m,v]of r.entries())Me.hasOwnProperty(v)?c[m]=Me[v]:(u.push(v),Ne.hasOwnProperty(v)||(Ne[v]=[]),Ne[v].push(()=>{c[m]=Me[v],++h,h===u.length&&l(c)}));u.length===0&&l(c)},Fa=e=>ni(e),oe,Ba=(e,r)=>oe.fill(0,e,e+r),Ua=e=>{var r=dt[e];delete dt[e];var o=r.rawConstructor,l=r.rawDestructor,c=r.valueSize,u=r.isTrivial,h=r.fields,m=h.map(v=>v.getterReturnType).concat(h.map(v=>v.setterArgumentType));Ce([e],m,v=>{var b={};for(var[A,N]of h.entries()){let H=v[A],O=N.getter,D=N.getterContext,V=v[A+h.length],te=N.setter,me=N.setterContext;var G=V.destructorFunction===null&&!V.argStackAlloc?(q,ae)=>te(me,q,V.toWireType(null,ae)):(q,ae)=>{var Re=[];te(me,q,V.toWireType(Re,ae)),Qt(Re)};b[N.fieldName]={read:q=>H.fromWireType(O(D,q)),write:G,optional:H.optional}}return[{name:r.name,fromWireType:H=>{var O={};for(var D in b)O[D]=b[D].read(H);return l(H),O},toWireType:(H,O)=>{for(var D in b)if(!(D in O)&&!b[D].optional)throw TypeError(`Missing field: "${D}"`);var V;for(D in u&&!H?(V=Fa(c),Ba(V,c)):(V=o(),H&&H.push(l,V)),b)b[D].write(V,O[D]);return V},readValueFromPointer:Ge,destructorFunction:u?null:l,argStackAlloc:u}]})},ja=(e,r,o,l,c)=>{},Z=e=>{for(var r="";;){var o=oe[e++];if(!o)return r;r+=String.fromCharCode(o)}};class Qe extends Error{constructor(r){super(r),this.name="BindingError"}}var L=e=>{throw new Qe(e)};function Va(e,r){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:{};var l=r.name;if(e||L(`type "${l}" must have a positive integer typeid pointer`),Me.hasOwnProperty(e)){if(o.ignoreDuplicateRegistrations)return;L(`Cannot register type '${l}' twice`)}if(Me[e]=r,delete ct[e],Ne.hasOwnProperty(e)){var c=Ne[e];delete Ne[e],c.forEach(u=>u())}}function ue(e,r){return Va(e,r,arguments.length>2&&arguments[2]!==void 0?arguments[2]:{})}var qa=(e,r,o,l)=>{r=Z(r),ue(e,{name:r,fromWireType:function(c){return!!c},toWireType:function(c,u){return u?o:l},readValueFromPointer:function(c){return this.fromWireType(oe[c])},destructorFunction:null})},Wa=e=>({count:e.count,deleteScheduled:e.deleteScheduled,preservePointerOnDelete:e.preservePointerOnDelete,ptr:e.ptr,ptrType:e.ptrType,smartPtr:e.smartPtr,smartPtrType:e.smartPtrType}),Kt=e=>{function r(o){return o.$$.ptrType.registeredClass.name}L(r(e)+" instance already deleted")},Zt=!1,Mr=e=>{},Ga=e=>{e.smartPtr?e.smartPtrType.rawDestructor(e.smartPtr):e.ptrType.registeredClass.rawDestructor(e.ptr)},Rr=e=>{--e.count.value,e.count.value===0&&Ga(e)},Ke=e=>globalThis.FinalizationRegistry?(Zt=new FinalizationRegistry(r=>{Rr(r.$$)}),Ke=r=>{var o=r.$$;if(o.smartPtr){var l={$$:o};Zt.register(r,l,r)}return r},Mr=r=>Zt.unregister(r),Ke(e)):(Ke=r=>r,e),ut=[],Qa=()=>{for(;ut.length;){var e=ut.pop();e.$$.deleteScheduled=!1,e.delete()}},Pr,Ka=()=>{let e=ht.prototype;Object.assign(e,{isAliasOf(o){if(!(this instanceof ht)||!(o instanceof ht))return!1;var l=this.$$.ptrType.registeredClass,c=this.$$.ptr;o.$$=o.$$;for(var u=o.$$.ptrType.registeredClass,h=o.$$.ptr;l.baseClass;)c=l.upcast(c),l=l.baseClass;for(;u.baseClass;)h=u.upcast(h),u=u.baseClass;return l===u&&c===h},clone(){if(this.$$.ptr||Kt(this),this.$$.preservePointerOnDelete)return this.$$.count.value+=1,this;var o=Ke(Object.create(Object.getPrototypeOf(this),{$$:{value:Wa(this.$$)}}));return o.$$.count.value+=1,o.$$.deleteScheduled=!1,o},delete(){this.$$.ptr||Kt(this),this.$$.deleteScheduled&&!this.$$.preservePointerOnDelete&&L("Object already scheduled for deletion"),Mr(this),Rr(this.$$),this.$$.preservePointerOnDelete||(this.$$.smartPtr=void 0,this.$$.ptr=void 0)},isDeleted(){return!this.$$.ptr},deleteLater(){return this.$$.ptr||Kt(this),this.$$.deleteScheduled&&!this.$$.preservePointerOnDelete&&L("Object already scheduled for deletion"),ut.push(this),ut.length===1&&Pr&&Pr(Qa),this.$$.deleteScheduled=!0,this}});let r=Symbol.dispose;r&&(e[r]=e.delete)};function ht(){}var Xt=(e,r)=>Object.defineProperty(r,"name",{value:e}),Lr={},Or=(e,r,o)=>{if(e[r].overloadTable===void 0){var l=e[r];e[r]=function(){var c=[...arguments];return e[r].overloadTable.hasOwnProperty(c.length)||L(`Function '${o}' called with an invalid number of arguments (${c.length}) - expects one of (${e[r].overloadTable})!`),e[r].overloadTable[c.length].apply(this,c)},e[r].overloadTable=[],e[r].overloadTable[l.argCount]=l}},Ir=(e,r,o)=>{n.hasOwnProperty(e)?((o===void 0||n[e].overloadTable!==void 0&&n[e].overloadTable[o]!==void 0)&&L(`Cannot register public name '${e}' twice`),Or(n,e,e),n[e].overloadTable.hasOwnProperty(o)&&L(`Cannot register multiple overloads of a function with the same number of arguments (${o})!`),n[e].overloadTable[o]=r):(n[e]=r,n[e].argCount=o)},Za=48,Xa=57,Ja=e=>{e=e.replace(/[^a-zA-Z0-9_]/g,"$");var r=e.charCodeAt(0);return r>=Za&&r<=Xa?`_${e}`:e};function Ya(e,r,o,l,c,u,h,m){this.name=e,this.constructor=r,this.instancePrototype=o,this.rawDestructor=l,this.baseClass=c,this.getActualType=u,this.upcast=h,this.downcast=m,this.pureVirtualFunctions=[]}var Jt=(e,r,o)=>{for(;r!==o;)r.upcast||L(`Expected null or instance of ${o.name}, got an instance of ${r.name}`),e=r.upcast(e),r=r.baseClass;return e},Yt=e=>{if(e===null)return"null";var r=typeof e;return r==="object"||r==="array"||r==="function"?e.toString():""+e};function en(e,r){if(r===null)return this.isReference&&L(`null is not a valid ${this.name}`),0;r.$$||L(`Cannot pass "${Yt(r)}" as a ${this.name}`),r.$$.ptr||L(`Cannot pass deleted object as a pointer of type ${this.name}`);var o=r.$$.ptrType.registeredClass;return Jt(r.$$.ptr,o,this.registeredClass)}function tn(e,r){var o;if(r===null)return this.isReference&&L(`null is not a valid ${this.name}`),this.isSmartPointer?(o=this.rawConstructor(),e!==null&&e.push(this.rawDestructor,o),o):0;(!r||!r.$$)&&L(`Cannot pass "${Yt(r)}" as a ${this.name}`),r.$$.ptr||L(`Cannot pass deleted object as a pointer of type ${this.name}`),!this.isConst&&r.$$.ptrType.isConst&&L(`Cannot convert argument of type ${r.$$.smartPtrType?r.$$.smartPtrType.name:r.$$.ptrType.name} to parameter type ${this.name}`);var l=r.$$.ptrType.registeredClass;if(o=Jt(r.$$.ptr,l,this.registeredClass),this.isSmartPointer)switch(r.$$.smartPtr===void 0&&L("Passing raw pointer to smart pointer is illegal"),this.sharingPolicy){case 0:r.$$.smartPtrType===this?o=r.$$.smartPtr:L(`Cannot convert argument of type ${r.$$.smartPtrType?r.$$.smartPtrType.name:r.$$.ptrType.name} to parameter type ${this.name}`);break;case 1:o=r.$$.smartPtr;break;case 2:if(r.$$.smartPtrType===this)o=r.$$.smartPtr;else{var c=r.clone();o=this.rawShare(o,he.toHandle(()=>c.delete())),e!==null&&e.push(this.rawDestructor,o)}break;default:L("Unsupported sharing policy")}return o}function rn(e,r){if(r===null)return this.isReference&&L(`null is not a valid ${this.name}`),0;r.$$||L(`Cannot pass "${Yt(r)}" as a ${this.name}`),r.$$.ptr||L(`Cannot pass deleted object as a pointer of type ${this.name}`),r.$$.ptrType.isConst&&L(`Cannot convert argument of type ${r.$$.ptrType.name} to parameter type ${this.name}`);var o=r.$$.ptrType.registeredClass;return Jt(r.$$.ptr,o,this.registeredClass)}var Hr=(e,r,o)=>{if(r===o)return e;if(o.baseClass===void 0)return null;var l=Hr(e,r,o.baseClass);return l===null?null:o.downcast(l)},an={},nn=(e,r)=>{for(r===void 0&&L("ptr should not be undefined");e.baseClass;)r=e.upcast(r),e=e.baseClass;return r},sn=(e,r)=>(r=nn(e,r),an[r]),mt=(e,r)=>((!r.ptrType||!r.ptr)&&pt("makeClassHandle requires ptr and ptrType"),!!r.smartPtrType!=!!r.smartPtr&&pt("Both smartPtrType and smartPtr must be specified"),r.count={value:1},Ke(Object.create(e,{$$:{value:r,writable:!0}})));function on(e){var r=this.getPointee(e);if(!r)return this.destructor(e),null;var o=sn(this.registeredClass,r);if(o!==void 0){if(o.$$.count.value===0)return o.$$.ptr=r,o.$$.smartPtr=e,o.clone();var l=o.clone();return this.destructor(e),l}function c(){return this.isSmartPointer?mt(this.registeredClass.instancePrototype,{ptrType:this.pointeeType,ptr:r,smartPtrType:this,smartPtr:e}):mt(this.registeredClass.instancePrototype,{ptrType:this,ptr:e})}var u=Lr[this.registeredClass.getActualType(r)];if(!u)return c.call(this);var h=this.isConst?u.constPointerType:u.pointerType,m=Hr(r,this.registeredClass,h.registeredClass);return m===null?c.call(this):this.isSmartPointer?mt(h.registeredClass.instancePrototype,{ptrType:h,ptr:m,smartPtrType:this,smartPtr:e}):mt(h.registeredClass.instancePrototype,{ptrType:h,ptr:m})}var ln=()=>{Object.assign(ft.prototype,{getPointee(e){return this.rawGetPointee&&(e=this.rawGetPointee(e)),e},destructor(e){var r,o;(r=(o=this).rawDestructor)==null||r.call(o,e)},readValueFromPointer:Ge,fromWireType:on})};function ft(e,r,o,l,c,u,h,m,v,b,A){this.name=e,this.registeredClass=r,this.isReference=o,this.isConst=l,this.isSmartPointer=c,this.pointeeType=u,this.sharingPolicy=h,this.rawGetPointee=m,this.rawConstructor=v,this.rawShare=b,this.rawDestructor=A,!c&&r.baseClass===void 0?l?(this.toWireType=en,this.destructorFunction=null):(this.toWireType=rn,this.destructorFunction=null):this.toWireType=tn}var zr=(e,r,o)=>{n.hasOwnProperty(e)||pt("Replacing nonexistent public symbol"),n[e].overloadTable!==void 0&&o!==void 0?n[e].overloadTable[o]=r:(n[e]=r,n[e].argCount=o)},Nr={},dn=(e,r,o)=>{e=e.replace(/p/g,"i");var l=Nr[e];return l(r,...o)},cn=function(e,r){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:[];if(arguments.length>3&&arguments[3]!==void 0&&arguments[3],e.includes("j"))return dn(e,r,o);var l=T(r)(...o);function c(u){return u}return l},pn=function(e,r){let o=arguments.length>2&&arguments[2]!==void 0&&arguments[2];return function(){return cn(e,r,[...arguments],o)}},le=function(e,r){arguments.length>2&&arguments[2]!==void 0&&arguments[2],e=Z(e);function o(){return e.includes("j")?pn(e,r):T(r)}var l=o();return typeof l!="function"&&L(`unknown function pointer with signature ${e}: ${r}`),l};class un extends Error{}var Dr=e=>{var r=ei(e),o=Z(r);return be(r),o},yt=(e,r)=>{var o=[],l={};function c(u){if(!l[u]&&!Me[u]){if(ct[u]){ct[u].forEach(c);return}o.push(u),l[u]=!0}}throw r.forEach(c),new un(`${e}: `+o.map(Dr).join([", "]))},hn=(e,r,o,l,c,u,h,m,v,b,A,N,G)=>{A=Z(A),u=le(c,u),m&&(m=le(h,m)),b&&(b=le(v,b)),G=le(N,G);var H=Ja(A);Ir(H,function(){yt(`Cannot construct ${A} due to unbound types`,[l])}),Ce([e,r,o],l?[l]:[],O=>{O=O[0];var D,V;l?(D=O.registeredClass,V=D.instancePrototype):V=ht.prototype;var te=Xt(A,function(){var fe=[...arguments];if(Object.getPrototypeOf(this)!==me)throw new Qe(`Use 'new' to construct ${A}`);if(q.constructor_body===void 0)throw new Qe(`${A} has no accessible constructor`);var _t=q.constructor_body[fe.length];if(_t===void 0)throw new Qe(`Tried to invoke ctor of ${A} with invalid number of parameters (${fe.length}) - expected (${Object.keys(q.constructor_body).toString()}) parameters instead!`);return _t.apply(this,fe)}),me=Object.create(V,{constructor:{value:te}});te.prototype=me;var q=new Ya(A,te,me,G,D,u,m,b);if(q.baseClass){var ae;(ae=q.baseClass).__derivedClasses!=null||(ae.__derivedClasses=[]),q.baseClass.__derivedClasses.push(q)}var Re=new ft(A,q,!0,!1,!1),wt=new ft(A+"*",q,!1,!1,!1),xt=new ft(A+" const*",q,!1,!0,!1);return Lr[e]={pointerType:wt,constPointerType:xt},zr(H,te),[Re,wt,xt]})},er=(e,r)=>{for(var o=[],l=0;l<e;l++)o.push(j[r+l*4>>2]);return o};function mn(e){for(var r=1;r<e.length;++r)if(e[r]!==null&&e[r].destructorFunction===void 0)return!0;return!1}function fn(e){for(var r=1;r<e.length;++r)if(e[r]!==null&&e[r].argStackAlloc)return!0;return!1}function tr(e,r,o,l,c,u){var h=r.length;h<2&&L("argTypes array size mismatch! Must at least get return value and receiver (this) types!");var m=r[1]!==null&&o!==null,v=mn(r),b=fn(r),A=b&&!u&&!v;b&&!A&&(v=!0);var N=!r[0].isVoid,G=h-2,H=Array(G),O=[],D=[];return Xt(e,function(){var V=[...arguments];D.length=0;var te;A&&(te=P());var me,q;try{O.length=m?2:1,O[0]=c,m&&(me=r[1].toWireType(D,this),O[1]=me);for(var ae=0;ae<G;++ae){var Re=r[ae+2];H[ae]=Re.toWireType(A&&Re.argStackAlloc?null:D,V[ae]),O.push(H[ae])}q=l(...O)}finally{A&&R(te)}function wt(xt){if(v)Qt(D);else for(var fe=m?1:2;fe<r.length;fe++){var _t=fe===1?me:H[fe-2];r[fe].destructorFunction!==null&&r[fe].destructorFunction(_t)}if(N)return r[0].fromWireType(xt)}return wt(q)})}var yn=(e,r,o,l,c,u)=>{var h=er(r,o);c=le(l,c),Ce([],[e],m=>{m=m[0];var v=`constructor ${m.name}`;if(m.registeredClass.constructor_body===void 0&&(m.registeredClass.constructor_body=[]),m.registeredClass.constructor_body[r-1]!==void 0)throw new Qe(`Cannot register multiple constructors with identical number of parameters (${r-1}) for class '${m.name}'! Overload resolution is currently only performed using the parameter count, not actual type info!`);return m.registeredClass.constructor_body[r-1]=()=>{yt(`Cannot construct ${m.name} due to unbound types`,h)},Ce([],h,b=>(b.splice(1,0,null),m.registeredClass.constructor_body[r-1]=tr(v,b,null,c,u),[])),[]})},Fr=e=>{e=e.trim();let r=e.indexOf("(");return r===-1?e:e.slice(0,r)},vn=(e,r,o,l,c,u,h,m,v,b)=>{var A=er(o,l);r=Z(r),r=Fr(r),u=le(c,u,v),Ce([],[e],N=>{N=N[0];var G=`${N.name}.${r}`;r.startsWith("@@")&&(r=Symbol[r.substring(2)]),m&&N.registeredClass.pureVirtualFunctions.push(r);function H(){yt(`Cannot call ${G} due to unbound types`,A)}var O=N.registeredClass.instancePrototype,D=O[r];return D===void 0||D.overloadTable===void 0&&D.className!==N.name&&D.argCount===o-2?(H.argCount=o-2,H.className=N.name,O[r]=H):(Or(O,r,G),O[r].overloadTable[o-2]=H),Ce([],A,V=>{var te=tr(G,V,N,u,h,v);return O[r].overloadTable===void 0?(te.argCount=o-2,O[r]=te):O[r].overloadTable[o-2]=te,[]}),[]})},Br=[],ke=[0,1,,1,null,1,!0,1,!1,1],Ur=[],rr=e=>{if(e>9&&--ke[e+1]===0){var r=ke[e];ke[e]=void 0;var o=Ur[e];o&&(Ur[e]=void 0,o(r)),Br.push(e)}},he={toValue:e=>(e||L(`Cannot use deleted val. handle = ${e}`),ke[e]),toHandle:e=>{switch(e){case void 0:return 2;case null:return 4;case!0:return 6;case!1:return 8;default:{let r=Br.pop()||ke.length;return ke[r]=e,ke[r+1]=1,r}}}},jr={name:"emscripten::val",fromWireType:e=>{var r=he.toValue(e);return rr(e),r},toWireType:(e,r)=>he.toHandle(r),readValueFromPointer:Ge,destructorFunction:null},gn=e=>ue(e,jr),Vr,qr,bn=(e,r)=>{switch(r){case 4:return function(o){return this.fromWireType(Vr[o>>2])};case 8:return function(o){return this.fromWireType(qr[o>>3])};default:throw TypeError(`invalid float width (${r}): ${e}`)}},$n=(e,r,o)=>{r=Z(r),ue(e,{name:r,fromWireType:l=>l,toWireType:(l,c)=>c,readValueFromPointer:bn(r,o),destructorFunction:null})},wn=(e,r,o,l,c,u,h,m)=>{var v=er(r,o);e=Z(e),e=Fr(e),c=le(l,c,h),Ir(e,function(){yt(`Cannot call ${e} due to unbound types`,v)},r-1),Ce([],v,b=>{var A=[b[0],null].concat(b.slice(1));return zr(e,tr(e,A,null,c,u,h),r-1),[]})},vt,Ze,gt,xn=(e,r,o)=>{switch(r){case 1:return o?l=>ge[l]:l=>oe[l];case 2:return o?l=>vt[l>>1]:l=>Ze[l>>1];case 4:return o?l=>gt[l>>2]:l=>j[l>>2];default:throw TypeError(`invalid integer width (${r}): ${e}`)}},_n=(e,r,o,l,c)=>{r=Z(r);let u=l===0,h=v=>v;if(u){var m=32-8*o;h=v=>v<<m>>>m,c=h(c)}ue(e,{name:r,fromWireType:h,toWireType:(v,b)=>b,readValueFromPointer:xn(r,o,l!==0),destructorFunction:null})},An=(e,r,o)=>{let l=(c,u)=>{let h=0;return{next(){if(h>=c)return{done:!0};let m=h;return h++,{value:u(m),done:!1}},[Symbol.iterator](){return this}}};e[Symbol.iterator]||(e[Symbol.iterator]=function(){let c=this[r]();return l(c,u=>this[o](u))})},En=(e,r,o,l)=>{o=Z(o),l=Z(l),Ce([],[e,r],c=>{let u=c[0];return An(u.registeredClass.instancePrototype,o,l),[]})},Cn=(e,r,o)=>{var l=[Int8Array,Uint8Array,Int16Array,Uint16Array,Int32Array,Uint32Array,Float32Array,Float64Array][r];function c(u){var h=j[u>>2],m=j[u+4>>2];return new l(ge.buffer,m,h)}o=Z(o),ue(e,{name:o,fromWireType:c,readValueFromPointer:c},{ignoreDuplicateRegistrations:!0})},kn=Object.assign({optional:!0},jr),Sn=(e,r)=>{ue(e,kn)},Tn=(e,r,o,l)=>{if(!(l>0))return 0;for(var c=o,u=o+l-1,h=0;h<e.length;++h){var m=e.codePointAt(h);if(m<=127){if(o>=u)break;r[o++]=m}else if(m<=2047){if(o+1>=u)break;r[o++]=192|m>>6,r[o++]=128|m&63}else if(m<=65535){if(o+2>=u)break;r[o++]=224|m>>12,r[o++]=128|m>>6&63,r[o++]=128|m&63}else{if(o+3>=u)break;r[o++]=240|m>>18,r[o++]=128|m>>12&63,r[o++]=128|m>>6&63,r[o++]=128|m&63,h++}}return r[o]=0,o-c},Mn=(e,r,o)=>Tn(e,oe,r,o),Rn=e=>{for(var r=0,o=0;o<e.length;++o){var l=e.charCodeAt(o);l<=127?r++:l<=2047?r+=2:l>=55296&&l<=57343?(r+=4,++o):r+=3}return r},Wr=globalThis.TextDecoder&&new TextDecoder,Gr=(e,r,o,l)=>{var c=r+o;if(l)return c;for(;e[r]&&!(r>=c);)++r;return r},Pn=function(e){let r=arguments.length>1&&arguments[1]!==void 0?arguments[1]:0,o=arguments.length>2?arguments[2]:void 0,l=arguments.length>3?arguments[3]:void 0;var c=Gr(e,r,o,l);if(c-r>16&&e.buffer&&Wr)return Wr.decode(e.subarray(r,c));for(var u="";r<c;){var h=e[r++];if(!(h&128)){u+=String.fromCharCode(h);continue}var m=e[r++]&63;if((h&224)==192){u+=String.fromCharCode((h&31)<<6|m);continue}var v=e[r++]&63;if(h=(h&240)==224?(h&15)<<12|m<<6|v:(h&7)<<18|m<<12|v<<6|e[r++]&63,h<65536)u+=String.fromCharCode(h);else{var b=h-65536;u+=String.fromCharCode(55296|b>>10,56320|b&1023)}}return u},Ln=(e,r,o)=>e?Pn(oe,e,r,o):"",On=(e,r)=>{r=Z(r);var o=!0;ue(e,{name:r,fromWireType(l){var c=j[l>>2],u=l+4,h;if(o)h=Ln(u,c,!0);else{h="";for(var m=0;m<c;++m)h+=String.fromCharCode(oe[u+m])}return be(l),h},toWireType(l,c){c instanceof ArrayBuffer&&(c=new Uint8Array(c));var u,h=typeof c=="string";h||ArrayBuffer.isView(c)&&c.BYTES_PER_ELEMENT==1||L("Cannot pass non-string to std::string"),u=o&&h?Rn(c):c.length;var m=ar(4+u+1),v=m+4;if(j[m>>2]=u,h)if(o)Mn(c,v,u+1);else for(var b=0;b<u;++b){var A=c.charCodeAt(b);A>255&&(be(m),L("String has UTF-16 code units that do not fit in 8 bits")),oe[v+b]=A}else oe.set(c,v);return l!==null&&l.push(be,m),m},readValueFromPointer:Ge,destructorFunction(l){be(l)}})},Qr=globalThis.TextDecoder?new TextDecoder("utf-16le"):void 0,In=(e,r,o)=>{var l=e>>1,c=Gr(Ze,l,r/2,o);if(c-l>16&&Qr)return Qr.decode(Ze.subarray(l,c));for(var u="",h=l;h<c;++h){var m=Ze[h];u+=String.fromCharCode(m)}return u},Hn=function(e,r){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:2147483647;if(o<2)return 0;o-=2;for(var l=r,c=o<e.length*2?o/2:e.length,u=0;u<c;++u){var h=e.charCodeAt(u);vt[r>>1]=h,r+=2}return vt[r>>1]=0,r-l},zn=e=>e.length*2,Nn=(e,r,o)=>{for(var l="",c=e>>2,u=0;!(u>=r/4);u++){var h=j[c+u];if(!h&&!o)break;l+=String.fromCodePoint(h)}return l},Dn=function(e,r){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:2147483647;if(o<4)return 0;for(var l=r,c=l+o-4,u=0;u<e.length;++u){var h=e.codePointAt(u);if(h>65535&&u++,gt[r>>2]=h,r+=4,r+4>c)break}return gt[r>>2]=0,r-l},Fn=e=>{for(var r=0,o=0;o<e.length;++o)e.codePointAt(o)>65535&&o++,r+=4;return r},Bn=(e,r,o)=>{o=Z(o);var l,c,u;r===2?(l=In,c=Hn,u=zn):(l=Nn,c=Dn,u=Fn),ue(e,{name:o,fromWireType:h=>{var m=j[h>>2],v=l(h+4,m*r,!0);return be(h),v},toWireType:(h,m)=>{typeof m!="string"&&L(`Cannot pass non-string to C++ string type ${o}`);var v=u(m),b=ar(4+v+r);return j[b>>2]=v/r,c(m,b+4,v+r),h!==null&&h.push(be,b),b},readValueFromPointer:Ge,destructorFunction(h){be(h)}})},Un=(e,r,o,l,c,u,h,m)=>{dt[e]={name:Z(r),rawConstructor:le(o,l),rawDestructor:le(c,u),valueSize:h,isTrivial:!!m,fields:[]}},jn=(e,r,o,l,c,u,h,m,v,b)=>{dt[e].fields.push({fieldName:Z(r),getterReturnType:o,getter:le(l,c),getterContext:u,setterArgumentType:h,setter:le(m,v),setterContext:b})},Vn=(e,r)=>{r=Z(r),ue(e,{isVoid:!0,name:r,fromWireType:()=>{},toWireType:(o,l)=>{}})},Kr=0,qn=()=>{Vt=!1,Kr=0},ir=[],Wn=e=>{var r=ir.length;return ir.push(e),r},Gn=(e,r)=>{var o=Me[e];return o===void 0&&L(`${r} has unknown type ${Dr(e)}`),o},Qn=(e,r)=>{for(var o=Array(e),l=0;l<e;++l)o[l]=Gn(j[r+l*4>>2],`parameter ${l}`);return o},Kn=(e,r,o)=>{var l=[],c=e(l,o);return l.length&&(j[r>>2]=he.toHandle(l)),c},Zn={},Zr=e=>{var r=Zn[e];return r===void 0?Z(e):r},Xn=(e,r,o)=>{var[l,...c]=Qn(e,r),u=l.toWireType.bind(l),h=c.map(v=>v.readValueFromPointer.bind(v));e--;var m=Array(e);return Wn(Xt(`methodCaller<(${c.map(v=>v.name)}) => ${l.name}>`,(v,b,A,N)=>{for(var G=0,H=0;H<e;++H)m[H]=h[H](N+G),G+=8;var O;switch(o){case 0:O=he.toValue(v).apply(null,m);break;case 2:O=Reflect.construct(he.toValue(v),m);break;case 3:O=m[0];break;case 1:O=he.toValue(v)[Zr(b)](...m)}return Kn(u,A,O)}))},Jn=e=>e?(e=Zr(e),he.toHandle(globalThis[e])):he.toHandle(globalThis),Yn=e=>{e>9&&(ke[e+1]+=1)},es=(e,r,o,l,c)=>ir[e](r,o,l,c),ts=e=>{Qt(he.toValue(e)),rr(e)},Xe={},Xr=e=>{if(e instanceof Ar||e=="unwind")return Ae;f(1,e)},Jr=()=>Vt||Kr>0,Yr=e=>{if(Ae=e,!Jr()){var r;(r=n.onExit)==null||r.call(n,e),ee=!0}f(e,new Ar(e))},rs=(e,r)=>{Ae=e,Yr(e)},is=()=>{if(!Jr())try{rs(Ae)}catch(e){Xr(e)}},as=function(e){var r=[...arguments].slice(1);if(!ee)try{return e(...r)}catch(o){Xr(o)}finally{is()}},ns=()=>performance.now(),ss=(e,r)=>(Xe[e]&&(clearTimeout(Xe[e].id),delete Xe[e]),r&&(Xe[e]={id:setTimeout(()=>{delete Xe[e],as(ri,e,ns())},r),timeout_ms:r}),0),os=()=>2147483648,ls=(e,r)=>Math.ceil(e/r)*r,ds=e=>{var r=(e-bt.buffer.byteLength+65535)/65536|0;try{return bt.grow(r),_r(),1}catch{}},cs=e=>{var r=oe.length;e>>>=0;var o=os();if(e>o)return!1;for(var l=1;l<=4;l*=2){var c=r*(1+.2/l);if(c=Math.min(c,e+100663296),ds(Math.min(o,ls(Math.max(e,c),65536))))return!0}return!1},ps=e=>e;Ka(),ln(),n.noExitRuntime&&(Vt=n.noExitRuntime),n.print&&n.print,n.printErr&&(S=n.printErr),n.wasmBinary&&(F=n.wasmBinary),n.arguments&&n.arguments,n.thisProgram&&n.thisProgram;var De=n.preInit;if(De)for(typeof De=="function"&&(n.preInit=De=[De]);De.length>0;)De.shift()();var ei,ar,be,ti,ri,M,ii,ai,ni,si,nr,oi,li,di,bt,ci;function us(e){ei=e.sa,ar=n._malloc=e.ta,be=n._free=e.ua,ti=e.va,ri=e.xa,M=e.ya,ii=e.za,ai=e.Aa,ni=e.Ba,si=e.Ca,nr=e.Da,oi=e.Ea,li=e.Fa,di=Nr.iiij=e.Ga,bt=e.qa,ci=e.wa}var hs={aa:Sa,v:Ta,I:Ma,a:Ra,i:Pa,l:La,fa:Oa,s:Ia,e:za,ea:Na,T:Ua,W:ja,ia:qa,pa:hn,oa:yn,E:vn,ga:gn,Q:$n,R:wn,y:_n,ka:En,u:Cn,S:Sn,ha:On,L:Bn,C:Un,U:jn,ja:Vn,da:qn,na:Xn,ba:rr,B:Jn,P:Yn,ma:es,la:ts,_:ss,$:cs,Z:Ls,N:Hs,A:xs,b:fs,z:Is,g:ys,D:Ps,h:ws,k:Ts,o:Ss,K:Os,O:Rs,H:$s,G:Fs,V:Vs,c:gs,j:ms,X:Bs,f:bs,M:Ns,J:js,d:vs,F:Us,m:As,Y:Ds,n:ks,t:Cs,x:Ms,q:Es,r:zs,p:_s,w:ps,ca:Yr};function ms(e,r){var o=P();try{T(e)(r)}catch(l){if(R(o),!(l instanceof k))throw l;M(1,0)}}function fs(e,r){var o=P();try{return T(e)(r)}catch(l){if(R(o),!(l instanceof k))throw l;M(1,0)}}function ys(e,r,o){var l=P();try{return T(e)(r,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function vs(e,r,o,l){var c=P();try{T(e)(r,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function gs(e){var r=P();try{T(e)()}catch(o){if(R(r),!(o instanceof k))throw o;M(1,0)}}function bs(e,r,o){var l=P();try{T(e)(r,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function $s(e,r,o,l,c,u,h,m){var v=P();try{return T(e)(r,o,l,c,u,h,m)}catch(b){if(R(v),!(b instanceof k))throw b;M(1,0)}}function ws(e,r,o,l){var c=P();try{return T(e)(r,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function xs(e,r,o,l,c,u){var h=P();try{return T(e)(r,o,l,c,u)}catch(m){if(R(h),!(m instanceof k))throw m;M(1,0)}}function _s(e,r,o,l,c,u,h,m,v,b,A){var N=P();try{T(e)(r,o,l,c,u,h,m,v,b,A)}catch(G){if(R(N),!(G instanceof k))throw G;M(1,0)}}function As(e,r,o,l,c){var u=P();try{T(e)(r,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function Es(e,r,o,l,c,u,h,m,v){var b=P();try{T(e)(r,o,l,c,u,h,m,v)}catch(A){if(R(b),!(A instanceof k))throw A;M(1,0)}}function Cs(e,r,o,l,c,u,h){var m=P();try{T(e)(r,o,l,c,u,h)}catch(v){if(R(m),!(v instanceof k))throw v;M(1,0)}}function ks(e,r,o,l,c,u){var h=P();try{T(e)(r,o,l,c,u)}catch(m){if(R(h),!(m instanceof k))throw m;M(1,0)}}function Ss(e,r,o,l,c,u){var h=P();try{return T(e)(r,o,l,c,u)}catch(m){if(R(h),!(m instanceof k))throw m;M(1,0)}}function Ts(e,r,o,l,c){var u=P();try{return T(e)(r,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function Ms(e,r,o,l,c,u,h,m){var v=P();try{T(e)(r,o,l,c,u,h,m)}catch(b){if(R(v),!(b instanceof k))throw b;M(1,0)}}function Rs(e,r,o,l,c,u,h){var m=P();try{return T(e)(r,o,l,c,u,h)}catch(v){if(R(m),!(v instanceof k))throw v;M(1,0)}}function Ps(e,r,o,l,c){var u=P();try{return T(e)(r,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function Ls(e,r,o){var l=P();try{return T(e)(r,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function Os(e,r,o,l,c,u,h){var m=P();try{return T(e)(r,o,l,c,u,h)}catch(v){if(R(m),!(v instanceof k))throw v;M(1,0)}}function Is(e,r,o,l){var c=P();try{return T(e)(r,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function Hs(e,r,o,l){var c=P();try{return T(e)(r,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function zs(e,r,o,l,c,u,h,m,v,b){var A=P();try{T(e)(r,o,l,c,u,h,m,v,b)}catch(N){if(R(A),!(N instanceof k))throw N;M(1,0)}}function Ns(e,r,o,l,c,u,h,m,v){var b=P();try{T(e)(r,o,l,c,u,h,m,v)}catch(A){if(R(b),!(A instanceof k))throw A;M(1,0)}}function Ds(e,r,o,l,c,u,h,m){var v=P();try{T(e)(r,o,l,c,u,h,m)}catch(b){if(R(v),!(b instanceof k))throw b;M(1,0)}}function Fs(e,r,o,l,c,u,h,m,v){var b=P();try{return T(e)(r,o,l,c,u,h,m,v)}catch(A){if(R(b),!(A instanceof k))throw A;M(1,0)}}function Bs(e,r,o){var l=P();try{T(e)(r,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function Us(e,r,o,l,c,u,h){var m=P();try{T(e)(r,o,l,c,u,h)}catch(v){if(R(m),!(v instanceof k))throw v;M(1,0)}}function js(e,r,o,l,c){var u=P();try{T(e)(r,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function Vs(e,r,o,l,c){var u=P();try{return di(e,r,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}async function qs(){var e;ga();var r=n.setStatus;r&&(r("Running..."),await new Promise(o=>setTimeout(o,1)),setTimeout(r,1,"")),!ee&&(ba(),(e=n.onRuntimeInitialized)==null||e.call(n),$a())}var $t=await ka();return await qs(),n}function ji(s){return gr(Ui,s)}async function Vi(s,i){return Bi(Ui,s,i)}var qi=!1;function Gi(){if(qi)return;qi=!0;let s=new URL("zxing_reader.wasm",import.meta.url).href;ji({overrides:{locateFile:(i,t)=>i.endsWith(".wasm")?s:t+i}})}var Ho={QRCode:"qr_code",MicroQRCode:"qr_code",DataMatrix:"data_matrix"};async function Qi(s,i){Gi();let a=await Vi(s,{formats:["QRCode","DataMatrix"],tryHarder:i,tryRotate:i,tryInvert:i,tryDownscale:!0,maxNumberOfSymbols:1});for(let n of a){let d=Ho[n.format];if(n.isValid&&d&&n.text)return{text:n.text,format:d}}return null}async function Ki(s){let i=await createImageBitmap(s);try{let t=Math.min(1,2e3/Math.max(i.width,i.height)),a=Math.max(1,Math.round(i.width*t)),n=Math.max(1,Math.round(i.height*t)),d=Zi(a,n);return d.drawImage(i,0,0,a,n),await Qi(d.getImageData(0,0,a,n),!0)}finally{i.close()}}function Zi(s,i){let t=document.createElement("canvas");t.width=s,t.height=i;let a=t.getContext("2d",{willReadFrequently:!0});if(!a)throw new Error("canvas 2d context unavailable");return a}function Xi(){return window.isSecureContext&&!!navigator.mediaDevices?.getUserMedia}var zt=class{constructor(i,t,a){this.video=i;this.onRead=t;this.onError=a;this.frame=0;this.busy=!1;this.stopped=!1;this.paused=!1}async start(){Gi();let i=await navigator.mediaDevices.getUserMedia({video:{facingMode:"environment",width:{ideal:1280},height:{ideal:720}},audio:!1});if(this.stopped){Wi(i);return}this.stream=i,this.video.srcObject=i,this.video.muted=!0,this.video.setAttribute("playsinline",""),await this.video.play().catch(()=>{}),this.schedule()}pause(){this.paused=!0}resume(){this.paused=!1}get running(){return this.stream!==void 0&&!this.stopped}stop(){this.stopped=!0,cancelAnimationFrame(this.frame),this.stream&&(Wi(this.stream),this.stream=void 0),this.video.srcObject=null}schedule(){this.stopped||(this.frame=requestAnimationFrame(()=>this.tick()))}tick(){this.schedule();let i=this.video;if(this.busy||this.paused||i.readyState<2||!i.videoWidth)return;let t=i.videoWidth,a=i.videoHeight;(!this.context||this.context.canvas.width!==t||this.context.canvas.height!==a)&&(this.context=Zi(t,a)),this.context.drawImage(i,0,0,t,a);let n=this.context.getImageData(0,0,t,a);this.busy=!0,Qi(n,!1).then(d=>{d&&!this.stopped&&!this.paused&&this.onRead(d)}).catch(d=>{this.stopped||(this.stop(),this.onError(d))}).finally(()=>{this.busy=!1})}};function Wi(s){for(let i of s.getTracks())i.stop()}var zo={failed:0,admitting:1,pending:2,joined:3,revoked:4};function br(s,i){return s.area_id&&i?.[s.area_id]?i[s.area_id].name:s.area??""}var Nt=class{constructor(){this.entries=new Map;this.version=0;this.viewKey="";this.viewCache=[]}apply(i){if(i.type==="snapshot"){this.entries.clear();for(let t of i.entries)this.entries.set(t.ieee,t);return this.version++,!0}if(i.type==="entries"){for(let t of i.removed)this.entries.delete(t);for(let t of i.changed)this.entries.set(t.ieee,t);return this.version++,!0}return!1}put(i){this.entries.set(i.ieee,i),this.version++}delete(i){this.entries.delete(i)&&this.version++}has(i){return this.entries.has($r(i))}view(i){let t=JSON.stringify([this.version,i.query,i.status,i.sort,i.descending]);if(t===this.viewKey&&i.areas===this.viewAreas)return this.viewCache;let a=i.query.trim().toLowerCase(),n=[];for(let p of this.entries.values()){if(i.status&&p.status!==i.status)continue;let f=br(p,i.areas);a&&!(p.name??"").toLowerCase().includes(a)&&!p.ieee.includes(a)&&!p.ieee.replaceAll(":","").includes(a.replaceAll(":",""))&&!f.toLowerCase().includes(a)||n.push({entry:p,sortKey:Do(p,i.sort,f)})}let d=i.descending?-1:1;return n.sort((p,f)=>{if(p.sortKey===""!=(f.sortKey===""))return p.sortKey===""?1:-1;let y=typeof p.sortKey=="number"&&typeof f.sortKey=="number"?p.sortKey-f.sortKey:No.compare(String(p.sortKey),String(f.sortKey));return y!==0?y*d:p.entry.ieee<f.entry.ieee?-1:1}),this.viewKey=t,this.viewAreas=i.areas,this.viewCache=n.map(p=>p.entry),this.viewCache}},No=new Intl.Collator(void 0,{sensitivity:"base",numeric:!0});function Do(s,i,t){switch(i){case"name":return s.name??"";case"ieee":return s.ieee;case"area":return t;case"status":return zo[s.status]??9;case"provider":return s.provider_title;case"updated":return Date.parse(s.updated_at)||0}}function $r(s){let i=s.trim().toLowerCase().replace(/[^0-9a-f]/g,"");return i.length!==16?s.trim().toLowerCase():i.match(/../g).join(":")}var st=["scan","photo","type","import"],Fo=2500,U=class extends B{constructor(){super(...arguments);this.tab="scan";this.opened=!1;this.pendingName="";this.pendingArea="";this.busy=!1;this.camera="off";this.cameraError="unavailable";this.fileNames={};this.importErrors=[];this.lastText="";this.lastTime=0}async open(t,a="scan"){this.opener=t,this.tab=a,this.message=void 0,this.opened=!0,Ue(this.hass),await this.updateComplete,this.dialog.open||this.dialog.showModal(),this.syncScanning()}close(){this.dialog?.open&&this.dialog.close()}disconnectedCallback(){super.disconnectedCallback(),this.stopScanning()}onClosed(){this.opened=!1,this.stopScanning(),this.pending=void 0,this.importErrors=[],this.fileNames={},this.lastText="",this.opener?.focus(),this.opener=void 0}updated(t){(t.has("tab")||t.has("opened"))&&this.syncScanning()}app(){return Oi(this.hass)}syncScanning(){if(!(this.opened&&this.tab==="scan")){this.stopScanning();return}if(this.app()){!this.companion?.scanning&&!this.pending&&this.openCompanion();return}if(this.scanner||this.camera==="failed")return;if(!Xi()){this.camera="insecure";return}let a=this.video;if(!a)return;let n=new zt(a,d=>{this.onRead(d,"camera")},()=>{this.scanner=void 0,this.camera="failed",this.cameraError="unavailable"});this.scanner=n,this.camera="starting",n.start().then(()=>{this.scanner===n&&(this.camera="running",this.pending&&n.pause())},d=>{this.scanner===n&&(n.stop(),this.scanner=void 0,this.camera="failed",this.cameraError=Li(d))})}stopScanning(){this.scanner?.stop(),this.scanner=void 0,this.camera!=="insecure"&&(this.camera="off"),this.cameraError="unavailable",this.companion?.close()}openCompanion(){let t=this.app();if(!t)return;this.companion??=new It(t,{onRead:(n,d)=>{if(!d){this.companion?.notify(this.localize("scan_wrong_format"));return}this.onRead({text:n,format:d},"app")},onAborted:n=>{n==="alternative_options"&&(this.tab="type")}});let a=this.localize;this.companion.open({title:a("scan_app_title"),description:a("scan_app_description"),alternative_option_label:a("scan_app_alternative")})}continueScanning(t){t==="camera"?this.scanner?.resume():t==="app"&&this.opened&&this.tab==="scan"&&!this.companion?.scanning&&this.openCompanion()}refuse(t,a){this.message={kind:"error",text:a},t==="app"&&this.companion?.notify(a),this.continueScanning(t)}async onRead(t,a){if(this.pending||this.busy&&a!=="photo")return;let n=Date.now();if(a!=="photo"&&t.text===this.lastText&&n-this.lastTime<Fo){this.lastTime=n;return}this.lastText=t.text,this.lastTime=n,this.scanner?.pause(),this.busy=!0;let d;try{d=await this.api.parse(t.text)}catch(p){this.busy=!1,this.refuse(a,await ne(this.hass,p));return}if(this.busy=!1,this.store.has(d.ieee)){this.refuse(a,this.localize("already_listed",{ieee:$r(d.ieee)}));return}this.opened&&(this.pending={text:t.text,parsed:d,source:a},this.pendingName="",this.pendingArea="",this.message=void 0,a==="app"&&this.companion?.close(),await this.updateComplete,this.renderRoot.querySelector("#read-name")?.focus())}async addPending(t){t.preventDefault();let a=this.pending;if(!(!a||this.busy)){this.busy=!0;try{let n=await this.api.add({qr_code:a.text,name:this.pendingName,area_id:this.pendingArea});this.store.put(n),this.dispatchEvent(new CustomEvent("entry-added",{detail:n})),this.pending=void 0,this.message={kind:"ok",text:this.localize("added",{name:n.name||n.ieee})},this.continueScanning(a.source),this.focusAfterRead()}catch(n){let d=await ne(this.hass,n),p=n?.translation_key;je(n)||p==="already_provisioned"?(this.pending=void 0,this.refuse(a.source,d),this.focusAfterRead()):this.message={kind:"error",text:d}}finally{this.busy=!1}}}skipPending(){let t=this.pending;this.pending=void 0,this.message=void 0,t&&this.continueScanning(t.source),this.focusAfterRead()}focusAfterRead(){this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${this.tab}`)?.focus())}async onPhoto(t){let a=t.target,n=a.files?.[0];if(a.value="",!n||this.pending)return;this.fileNames={...this.fileNames,photo:n.name},this.busy=!0,this.message={kind:"info",text:this.localize("decoding")};let d;try{d=await Ki(n)}catch{this.busy=!1,this.message={kind:"error",text:this.localize("photo_bad")};return}if(this.busy=!1,!d){this.message={kind:"error",text:this.localize("photo_none")};return}await this.onRead(d,"photo")}async onCsv(t){let a=t.target,n=a.files?.[0];if(a.value="",!!n){this.fileNames={...this.fileNames,csv:n.name},this.busy=!0,this.importErrors=[],this.message=void 0;try{let d=await this.api.importCsv(await n.text()),p=await Ue(this.hass)??this.hass.localize;this.importErrors=d.errors.map(f=>{let E=p(`component.provisioning.exceptions.${f.error}.message`,{ieee:f.ieee??"",title:f.title??"",field:""})||f.error;return`${this.localize("import_line",{line:f.line})}: ${E}${f.ieee&&!E.includes(f.ieee)?` (${f.ieee})`:""}`}),this.message={kind:d.added?"ok":"error",text:d.added?this.localize("import_added",{count:d.added}):this.localize("import_none")}}catch(d){this.message={kind:"error",text:await ne(this.hass,d)}}finally{this.busy=!1}}}selectTab(t){this.tab!==t&&(this.message=void 0,this.tab=t)}onTabKey(t){let a=t.key==="ArrowRight"?1:t.key==="ArrowLeft"?-1:0;if(!a)return;let n=st[(st.indexOf(this.tab)+a+st.length)%st.length];this.selectTab(n),this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${n}`)?.focus())}render(){let t=this.localize;return $`<dialog
      id="add-dialog"
      aria-labelledby="add-title"
      @close=${()=>this.onClosed()}
    >
      ${this.opened?$`<div class="dialog-head">
              <h2 id="add-title">${t("add_title")}</h2>
              <button
                class="icon"
                id="add-close"
                aria-label=${t("close")}
                title=${t("close")}
                @click=${()=>this.close()}
              >
                ${Y(W.close)}
              </button>
            </div>
            <div class="tabs" role="tablist" aria-label=${t("ways")} @keydown=${this.onTabKey}>
              ${st.map(a=>$`<button
                  role="tab"
                  id=${`tab-${a}`}
                  aria-selected=${this.tab===a?"true":"false"}
                  aria-controls="tabpanel"
                  tabindex=${this.tab===a?0:-1}
                  ?autofocus=${this.tab===a}
                  @click=${()=>this.selectTab(a)}
                >
                  ${t(`tab_${a}`)}
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
                .localize=${t}
                @add-message=${a=>{this.message=a.detail}}
              ></provisioning-type-form>
            </div>`:w}
    </dialog>`}renderPending(t){let a=this.localize,n=t.parsed;return $`<form class="read" id="read" aria-labelledby="read-title" @submit=${this.addPending}>
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
          ${Ve(this.hass.areas,this.pendingArea,a)}
        </select>
      </label>
      <div class="buttons">
        <button type="button" id="read-skip" @click=${()=>this.skipPending()}>${a("skip")}</button>
        <button type="submit" id="read-add" class="primary" ?disabled=${this.busy}>
          ${a("add_device")}
        </button>
      </div>
    </form>`}renderScan(){let t=this.localize;if(this.app())return $`<p class="secondary">${t("scan_app_hint")}</p>
        <button
          id="scan-app"
          class="primary"
          ?disabled=${!!this.pending||this.busy}
          @click=${()=>this.openCompanion()}
        >
          ${t("scan_app")}
        </button>`;if(this.camera==="insecure"||this.camera==="failed"){let n=this.camera==="insecure"?"insecure":this.cameraError;return $`<div class="alert info" id="camera-unavailable" data-problem=${n}>
          ${t(`scan_${n}`)}
        </div>
        <div class="buttons start">
          <button id="use-photo" class="primary" @click=${()=>this.selectTab("photo")}>
            ${Y(W.camera)} ${t("use_photo")}
          </button>
          ${this.camera==="failed"?$`<button id="camera-retry" class="outlined" @click=${()=>this.retryCamera()}>
                ${t("retry")}
              </button>`:w}
        </div>`}let a=!!this.pending;return $`<p class="secondary" id="scan-hint">${t(a?"scan_paused":"scan_hint")}</p>
      <div class="viewfinder ${a?"paused":""}">
        <video id="video" muted playsinline aria-label=${t("tab_scan")}></video>
        ${this.camera==="starting"?$`<span class="overlay">${t("scan_starting")}</span>`:w}
      </div>`}async retryCamera(){this.camera="off",await this.updateComplete,this.syncScanning()}renderFilePick(t,a,n,d){let p=this.fileNames[t];return $`<div class="file-pick">
      ${d(`${t}-name`)}
      <label for=${t} class="file-button">${Y(n)}<span>${a}</span></label>
      <span id=${`${t}-name`} class="file-name ${p?"":"secondary"}"
        >${p??this.localize("file_none")}</span
      >
    </div>`}renderPhoto(){let t=this.localize;return $`<p class="secondary">${t("photo_hint")}</p>
      ${this.renderFilePick("photo",t("photo_pick"),W.camera,a=>$`<input
          id="photo"
          name="photo"
          class="visually-hidden"
          type="file"
          accept="image/*"
          capture="environment"
          aria-describedby=${a}
          ?disabled=${!!this.pending||this.busy}
          @change=${this.onPhoto}
        />`)}`}renderImport(){let t=this.localize;return $`<p class="secondary">${t("import_hint")}</p>
      ${this.renderFilePick("csv",t("import_pick"),W.upload,a=>$`<input
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
          </ul>`:w}`}static{this.styles=[re,Ot,Q`
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
    `]}};g([C({attribute:!1})],U.prototype,"hass",2),g([C({attribute:!1})],U.prototype,"api",2),g([C({attribute:!1})],U.prototype,"store",2),g([C({attribute:!1})],U.prototype,"localize",2),g([_()],U.prototype,"tab",2),g([_()],U.prototype,"opened",2),g([_()],U.prototype,"message",2),g([_()],U.prototype,"pending",2),g([_()],U.prototype,"pendingName",2),g([_()],U.prototype,"pendingArea",2),g([_()],U.prototype,"busy",2),g([_()],U.prototype,"camera",2),g([_()],U.prototype,"cameraError",2),g([_()],U.prototype,"fileNames",2),g([_()],U.prototype,"importErrors",2),g([_e("dialog")],U.prototype,"dialog",2),g([_e("video")],U.prototype,"video",2);X("provisioning-add-dialog",U);var Ji={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Yi=s=>(...i)=>({_$litDirective$:s,values:i}),Dt=class{constructor(i){}get _$AU(){return this._$AM._$AU}_$AT(i,t,a){this._$Ct=i,this._$AM=t,this._$Ci=a}_$AS(i,t){return this.update(i,t)}update(i,t){return this.render(...t)}};var{I:Bo}=Si,ea=s=>s;var ta=()=>document.createComment(""),qe=(s,i,t)=>{let a=s._$AA.parentNode,n=i===void 0?s._$AB:i._$AA;if(t===void 0){let d=a.insertBefore(ta(),n),p=a.insertBefore(ta(),n);t=new Bo(d,p,s,s.options)}else{let d=t._$AB.nextSibling,p=t._$AM,f=p!==s;if(f){let y;t._$AQ?.(s),t._$AM=s,t._$AP!==void 0&&(y=s._$AU)!==p._$AU&&t._$AP(y)}if(d!==n||f){let y=t._$AA;for(;y!==d;){let E=ea(y).nextSibling;ea(a).insertBefore(y,n),y=E}}}return t},Se=(s,i,t=s)=>(s._$AI(i,t),s),Uo={},ra=(s,i=Uo)=>s._$AH=i,ia=s=>s._$AH,Ft=s=>{s._$AR(),s._$AA.remove()};var aa=(s,i,t)=>{let a=new Map;for(let n=i;n<=t;n++)a.set(s[n],n);return a},na=Yi(class extends Dt{constructor(s){if(super(s),s.type!==Ji.CHILD)throw Error("repeat() can only be used in text expressions")}dt(s,i,t){let a;t===void 0?t=i:i!==void 0&&(a=i);let n=[],d=[],p=0;for(let f of s)n[p]=a?a(f,p):p,d[p]=t(f,p),p++;return{values:d,keys:n}}render(s,i,t){return this.dt(s,i,t).values}update(s,[i,t,a]){let n=ia(s),{values:d,keys:p}=this.dt(i,t,a);if(!Array.isArray(n))return this.ut=p,d;let f=this.ut??=[],y=[],E,z,x=0,I=n.length-1,S=0,F=d.length-1;for(;x<=I&&S<=F;)if(n[x]===null)x++;else if(n[I]===null)I--;else if(f[x]===p[S])y[S]=Se(n[x],d[S]),x++,S++;else if(f[I]===p[F])y[F]=Se(n[I],d[F]),I--,F--;else if(f[x]===p[F])y[F]=Se(n[x],d[F]),qe(s,y[F+1],n[x]),x++,F--;else if(f[I]===p[S])y[S]=Se(n[I],d[S]),qe(s,n[x],n[I]),I--,S++;else if(E===void 0&&(E=aa(p,S,F),z=aa(f,x,I)),E.has(f[x]))if(E.has(f[I])){let ee=z.get(p[S]),Ae=ee!==void 0?n[ee]:null;if(Ae===null){let k=qe(s,n[x]);Se(k,d[S]),y[S]=k}else y[S]=Se(Ae,d[S]),qe(s,n[x],Ae),n[ee]=null;S++}else Ft(n[I]),I--;else Ft(n[x]),x++;for(;S<=F;){let ee=qe(s,y[F+1]);Se(ee,d[S]),y[S++]=ee}for(;x<=I;){let ee=n[x++];ee!==null&&Ft(ee)}return this.ut=p,ra(s,y),xe}});var jo=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60],["second",1]],Vo=new Map,qo=new Map;function sa(s,i,t){let a=s.get(i);if(!a){try{a=t(i)}catch{a=t("en")}s.set(i,a)}return a}function oa(s){return jo.find(([,i])=>s>=i)??["second",1]}function la(s,i,t){let a=Date.parse(s);if(Number.isNaN(a))return"";let n=Math.floor(Math.max(0,i-a)/1e3),d=sa(Vo,t,y=>new Intl.RelativeTimeFormat(y,{numeric:"auto"})),[p,f]=oa(n);return p==="second"&&n<10?d.format(0,"second"):d.format(-Math.floor(n/f),p)}function da(s,i){let t=Date.parse(s);if(Number.isNaN(t))return 36e5;let a=Math.max(0,i-t),[,n]=oa(Math.floor(a/1e3)),d=Math.min(n,3600)*1e3;return d-a%d}function ca(s,i){let t=Date.parse(s);return Number.isNaN(t)?s:sa(qo,i,n=>new Intl.DateTimeFormat(n,{dateStyle:"medium",timeStyle:"medium"})).format(t)}function pa(s,i){if(!s)return null;let t=Date.parse(s);return Number.isNaN(t)?null:Math.max(0,Math.ceil((t-i)/1e3))}function ua(s){let i=Math.floor(s/3600),t=Math.floor(s%3600/60),a=s%60,n=i?String(t).padStart(2,"0"):String(t);return`${i?`${i}:`:""}${n}:${String(a).padStart(2,"0")}`}var wr=class extends HTMLElement{constructor(){super(...arguments);this.iso="";this.locale="en";this.onClock=()=>this.refresh()}get datetime(){return this.iso}set datetime(t){t!==this.iso&&(this.iso=t,this.refresh())}get language(){return this.locale}set language(t){t!==this.locale&&(this.locale=t,this.refresh())}connectedCallback(){de.addEventListener("change",this.onClock),this.refresh()}disconnectedCallback(){de.removeEventListener("change",this.onClock),window.clearTimeout(this.timer),this.timer=void 0}refresh(){if(window.clearTimeout(this.timer),this.timer=void 0,!this.isConnected)return;let t=de.now(),a=la(this.iso,t,this.locale);this.textContent!==a&&(this.textContent=a),this.timer=window.setTimeout(()=>this.refresh(),da(this.iso,t)+20)}};X("provisioning-relative-time",wr);var Bt={title:"Provisioning",menu:"Open the sidebar",loading:"Loading the provisioning list…",retry:"Retry",coordinator:"Coordinator",admit:"Admit provisioned devices",stop:"Stop",duration:"How long to admit",minutes:"{count} min",window_open:"Open",window_closed:"Closed",window_continuous:"Continuous",window_state:"Admission: {state}",window_remaining:"{time} left",keys_loaded:"{count} keys loaded",keys_waiting:"{count} waiting",install_code_only:"The radio admits only devices with an install code",guard:"Only admit provisioned devices",search:"Search name, IEEE or area",filter_status:"Status",filter_all:"All",col_name:"Name",col_ieee:"IEEE",col_area:"Area",col_status:"Status",col_provider:"Provider",col_updated:"Last change",col_actions:"Actions",sort_by:"Sort by {column}",status_pending:"Pending",status_admitting:"Admitting",status_joined:"Joined",status_failed:"Failed",status_revoked:"Revoked",reason_interview_timeout:"Joined but did not complete its interview in time",no_entries:"No device is on the provisioning list yet.",no_match:"No device matches.",count:"{shown} of {total} devices",unnamed:"Unnamed device",managed_by:"Managed by {title}",edit:"Edit",delete:"Delete",open_device:"Open device",add:"Add devices",close:"Close",cancel:"Cancel",save:"Save",edit_title:"Edit {name}",name:"Name",area:"Area",no_area:"No area",new_key:"New key (optional)",key_unchanged:"Leave empty to keep the current key.",install_code:"Install code",link_key:"Link key",delete_title:"Delete {name}?",delete_text:"{ieee} leaves the provisioning list and its key leaves the coordinator. The device, if it joined, stays in Home Assistant.",add_title:"Add devices",tab_scan:"Scan",tab_photo:"Photo",tab_type:"Type",tab_import:"Import CSV",ways:"Ways to add",scan_hint:"Hold the label's QR or Data Matrix code in front of the camera.",scan_insecure:"The browser allows the camera only over HTTPS or on localhost. Take a photo of the label instead.",scan_no_camera:"No camera was found on this device. Take a photo of the label instead.",scan_denied:"The browser was not allowed to use the camera. Allow it in the site settings, or take a photo of the label instead.",scan_in_use:"The camera is in use by another app or could not be started. Close that app and try again, or take a photo of the label instead.",scan_unavailable:"The camera could not be started. Take a photo of the label instead.",scan_paused:"Scanning goes on after Add or Skip.",scan_starting:"Starting the camera…",scan_app:"Scan with the app",scan_app_hint:"The Home Assistant app opens its own scanner.",scan_app_title:"Scan a device label",scan_app_description:"Point the camera at the QR or Data Matrix code on the device.",scan_app_alternative:"Type the code",scan_wrong_format:"Only QR and Data Matrix codes can be read.",use_photo:"Take a photo instead",photo_hint:"Take or choose a photo of the label's QR or Data Matrix code.",photo_pick:"Choose a photo",file_none:"No file chosen",photo_none:"No QR or Data Matrix code was found in this photo.",photo_bad:"This file could not be read as an image.",decoding:"Reading the code…",read_title:"Read from the label",read_format:"Format",read_key_install_code:"Install code ••••",read_key_link_key:"Link key ••••",read_model:"Model",skip:"Skip",add_device:"Add",added:"{name} added.",already_listed:"{ieee} is already on the provisioning list.",type_mode:"What to type",type_qr:"QR code text",type_fields:"IEEE and key",qr_code:"QR code text",ieee:"IEEE address",key_type:"Key type",key:"Key",show_secret:"Show",hide_secret:"Hide",import_hint:"A CSV file with a header line: ieee, install_code or link_key, and optionally name and area.",import_pick:"Choose a CSV file",import_added:"{count} added",import_line:"Line {line}",import_none:"Nothing was imported."},ha={en:Bt};function ma(s){let i=(s??"en").toLowerCase(),t=ha[i]??ha[i.split("-")[0]]??Bt;return(a,n)=>{let d=t[a]??Bt[a]??a;return n?d.replace(/\{(\w+)\}/g,(p,f)=>f in n?String(n[f]):p):d}}function fa(s){return Object.hasOwn(Bt,s)}var ya=["pending","admitting","joined","failed","revoked"];var Wo=[["name","col_name"],["ieee","col_ieee"],["area","col_area"],["status","col_status"],["provider","col_provider"],["updated","col_updated"]];function Go(s,i){let t=`reason_${s}`;return fa(t)?i(t):s}var se=class extends B{constructor(){super(...arguments);this.version=0;this.language="en";this.narrow=!1;this.query="";this.status="";this.sort="name";this.descending=!1}setSort(t){this.sort===t?this.descending=!this.descending:(this.sort=t,this.descending=t==="updated")}render(){let t=this.localize,a=this.store.view({query:this.query,status:this.status,sort:this.sort,descending:this.descending,areas:this.areas}),n=this.store.entries.size;return $`
      <div class="toolbar">
        <input
          id="search"
          type="search"
          aria-label=${t("search")}
          placeholder=${t("search")}
          .value=${this.query}
          @input=${d=>{this.query=d.target.value}}
        />
        <div class="chips" role="group" aria-label=${t("filter_status")}>
          ${["",...ya].map(d=>$`<button
              class="chip"
              data-filter=${d||"all"}
              aria-pressed=${this.status===d?"true":"false"}
              @click=${()=>{this.status=d}}
            >
              ${t(d?`status_${d}`:"filter_all")}
            </button>`)}
        </div>
        <span id="count" class="secondary" aria-live="polite"
          >${t("count",{shown:a.length,total:n})}</span
        >
      </div>
      <div class="table" role="table" aria-label=${t("title")} aria-rowcount=${a.length+1}>
        <div class="row head" role="row">
          ${Wo.map(([d,p])=>{let f=this.sort===d;return $`<div
              class="cell col-${d}"
              role="columnheader"
              aria-sort=${f?this.descending?"descending":"ascending":"none"}
            >
              <button
                class="sort"
                data-sort=${d}
                title=${t("sort_by",{column:t(p)})}
                @click=${()=>this.setSort(d)}
              >
                ${t(p)}
                ${f?Y(this.descending?W.sortDesc:W.sortAsc):w}
              </button>
            </div>`})}
          <div class="cell col-actions" role="columnheader">
            <span class="visually-hidden">${t("col_actions")}</span>
          </div>
        </div>
        ${a.length===0?$`<div class="empty secondary" id="empty">
              ${t(n===0?"no_entries":"no_match")}
            </div>`:na(a,d=>d.ieee,d=>this.renderRow(d))}
      </div>
    `}renderRow(t){let a=this.localize,n=t.name||a("unnamed");return $`<div
      class="row"
      role="row"
      data-ieee=${t.ieee}
      data-status=${t.status}
    >
      <div class="cell col-name" role="cell">
        <span class=${t.name?"":"secondary"}>${n}</span>
        ${this.narrow?$`<span class="sub secondary mono ieee">${t.ieee}</span>`:w}
        ${t.model?$`<span class="sub secondary">${t.model}</span>`:w}
      </div>
      <div class="cell col-ieee mono" role="cell">${t.ieee}</div>
      <div class="cell col-area" role="cell">${br(t,this.areas)}</div>
      <div class="cell col-status" role="cell">
        <span class="status status-${t.status}">${a(`status_${t.status}`)}</span>
        ${t.status_reason?$`<span class="sub secondary reason">${Go(t.status_reason,a)}</span>`:w}
      </div>
      <div class="cell col-provider" role="cell">${t.provider_title}</div>
      <div class="cell col-updated" role="cell">
        <time datetime=${t.updated_at} title=${ca(t.updated_at,this.language)}
          ><provisioning-relative-time
            .datetime=${t.updated_at}
            .language=${this.language}
          ></provisioning-relative-time
        ></time>
      </div>
      <div class="cell col-actions" role="cell">
        ${t.device_id?$`<button
              class="icon"
              data-action="open"
              title=${a("open_device")}
              aria-label=${`${a("open_device")}: ${n}`}
              @click=${()=>Pi(`/config/devices/device/${t.device_id}`)}
            >
              ${Y(W.openInNew)}
            </button>`:w}
        ${t.editable?$`<button
                class="icon"
                data-action="edit"
                title=${a("edit")}
                aria-label=${`${a("edit")}: ${n}`}
                @click=${d=>ie(this,"entry-edit",{entry:t,opener:d.currentTarget})}
              >
                ${Y(W.pencil)}
              </button>
              <button
                class="icon danger"
                data-action="delete"
                title=${a("delete")}
                aria-label=${`${a("delete")}: ${n}`}
                @click=${d=>ie(this,"entry-delete",{entry:t,opener:d.currentTarget})}
              >
                ${Y(W.delete)}
              </button>`:$`<span class="managed secondary"
              >${a("managed_by",{title:t.provider_title})}</span
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
    `]}};g([C({attribute:!1})],se.prototype,"store",2),g([C({type:Number})],se.prototype,"version",2),g([C({attribute:!1})],se.prototype,"areas",2),g([C()],se.prototype,"language",2),g([C({attribute:!1})],se.prototype,"localize",2),g([C({type:Boolean,reflect:!0})],se.prototype,"narrow",2),g([_()],se.prototype,"query",2),g([_()],se.prototype,"status",2),g([_()],se.prototype,"sort",2),g([_()],se.prototype,"descending",2);X("provisioning-entries-table",se);var pe=class extends B{constructor(){super(...arguments);this.error="";this.busy=!1}async open(t,a){this.entry=t,this.opener=a,this.error="",this.reset(t),await this.updateComplete,this.dialog.open||this.dialog.showModal()}close(){this.dialog?.open&&this.dialog.close()}onClosed(){this.entry=void 0,this.reset(void 0),this.opener?.focus(),this.opener=void 0}name(){return this.entry?.name||this.entry?.ieee||""}head(t){return $`<div class="dialog-head">
      <h2 id="title">${t}</h2>
      <button
        class="icon"
        aria-label=${this.localize("close")}
        title=${this.localize("close")}
        @click=${()=>this.close()}
      >
        ${Y(W.close)}
      </button>
    </div>`}static{this.styles=[re,Ot,Q`
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
    `]}};g([C({attribute:!1})],pe.prototype,"hass",2),g([C({attribute:!1})],pe.prototype,"api",2),g([C({attribute:!1})],pe.prototype,"localize",2),g([_()],pe.prototype,"entry",2),g([_()],pe.prototype,"error",2),g([_()],pe.prototype,"busy",2),g([_e("dialog")],pe.prototype,"dialog",2);var Te=class extends pe{constructor(){super(...arguments);this.nameValue="";this.areaId="";this.keyType="install_code";this.key="";this.keyError=""}reset(t){this.nameValue=t?.name??"",this.areaId=t?.area_id??"",this.keyType=t?.key_type??"install_code",this.key="",this.keyError="",this.busy=!1}async save(t){t.preventDefault();let a=this.entry;if(!a||this.busy)return;let n={},d=this.nameValue.trim()||null;d!==(a.name??null)&&(n.name=d),(this.areaId||null)!==(a.area_id??null)&&(n.area_id=this.areaId||null),this.key.trim()&&(n[this.keyType]=this.key.trim()),this.busy=!0,this.error="",this.keyError="";try{let p=await this.api.update(a.ieee,n);this.dispatchEvent(new CustomEvent("entry-saved",{detail:p})),this.close()}catch(p){let f=await ne(this.hass,p),y=je(p);y==="install_code"||y==="link_key"?this.keyError=f:this.error=f}finally{this.busy=!1}}render(){let t=this.localize;return $`<dialog
      id="edit-dialog"
      aria-labelledby="title"
      @close=${()=>this.onClosed()}
    >
      ${this.entry?$`${this.head(t("edit_title",{name:this.name()}))}
            <form @submit=${this.save}>
              <div class="dialog-body">
                <span class="mono secondary">${this.entry.ieee}</span>
                ${this.error?$`<div class="alert" role="alert" id="edit-error">${this.error}</div>`:w}
                <label class="field"
                  >${t("name")}
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
                  >${t("area")}
                  <select
                    id="edit-area"
                    name="area_id"
                    @change=${a=>{this.areaId=a.target.value}}
                  >
                    ${Ve(this.hass.areas,this.areaId,t)}
                  </select>
                </label>
                <fieldset>
                  <legend>${t("new_key")}</legend>
                  <label class="field"
                    >${t("key_type")}
                    <select
                      id="edit-key-type"
                      name="key_type"
                      @change=${a=>{this.keyType=a.target.value}}
                    >
                      <option value="install_code" ?selected=${this.keyType==="install_code"}>
                        ${t("install_code")}
                      </option>
                      <option value="link_key" ?selected=${this.keyType==="link_key"}>
                        ${t("link_key")}
                      </option>
                    </select>
                  </label>
                  <provisioning-secret-input
                    id="edit-key"
                    name=${this.keyType}
                    .label=${this.keyType==="install_code"?t("install_code"):t("link_key")}
                    .value=${this.key}
                    .error=${this.keyError}
                    .localize=${t}
                    autocomplete="new-password"
                    @value-changed=${a=>{this.key=a.detail}}
                  ></provisioning-secret-input>
                  <span class="secondary hint">${t("key_unchanged")}</span>
                </fieldset>
              </div>
              <div class="dialog-actions">
                <button type="button" id="edit-cancel" @click=${()=>this.close()}>
                  ${t("cancel")}
                </button>
                <button type="submit" id="edit-save" class="primary" ?disabled=${this.busy}>
                  ${t("save")}
                </button>
              </div>
            </form>`:w}
    </dialog>`}};g([_()],Te.prototype,"nameValue",2),g([_()],Te.prototype,"areaId",2),g([_()],Te.prototype,"keyType",2),g([_()],Te.prototype,"key",2),g([_()],Te.prototype,"keyError",2);var xr=class extends pe{reset(){this.busy=!1}async confirm(){let i=this.entry;if(!(!i||this.busy)){this.busy=!0,this.error="";try{await this.api.remove(i.ieee),this.dispatchEvent(new CustomEvent("entry-removed",{detail:i.ieee})),this.close()}catch(t){this.error=await ne(this.hass,t)}finally{this.busy=!1}}}render(){let i=this.localize;return $`<dialog
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
    </dialog>`}};X("provisioning-edit-dialog",Te);X("provisioning-delete-dialog",xr);var Qo=[60,180,300,600,1800,3600],ve=class extends B{constructor(){super(...arguments);this.coordinators=[];this.busy=!1;this.now=de.now();this.duration=180}disconnectedCallback(){super.disconnectedCallback(),this.stopTimer()}connectedCallback(){super.connectedCallback(),this.syncTimer()}updated(t){t.has("window")&&this.syncTimer()}syncTimer(){let t=!!(this.window?.open&&this.window.ends_at)&&this.isConnected;t&&this.timer===void 0?(this.now=de.now(),this.timer=window.setInterval(()=>{this.now=de.now()},1e3)):t||this.stopTimer()}stopTimer(){this.timer!==void 0&&(clearInterval(this.timer),this.timer=void 0)}render(){let t=this.localize,a=this.window,n=a?a.continuous?"continuous":a.open?"open":"closed":"closed",d=a?.open?pa(a.ends_at,Math.max(this.now,de.now())):null;return $`
      <section class="card" aria-label=${t("admit")}>
        <div class="row">
          <div class="window" data-state=${n}>
            <span class="dot" aria-hidden="true"></span>
            <span id="window-state">${t("window_state",{state:t(`window_${n}`)})}</span>
            ${d!==null?$`<span id="window-countdown" class="countdown mono" role="timer"
                  >${t("window_remaining",{time:ua(d)})}</span
                >`:w}
          </div>
          <div class="actions">
            ${a?.open&&!a.continuous?$`<button
                  id="window-stop"
                  class="outlined danger"
                  ?disabled=${this.busy}
                  @click=${()=>ie(this,"window-stop")}
                >
                  ${t("stop")}
                </button>`:w}
            <select
              id="window-duration"
              aria-label=${t("duration")}
              title=${t("duration")}
              ?disabled=${this.busy||!a||a.continuous}
              @change=${p=>{this.duration=Number(p.target.value)}}
            >
              ${Qo.map(p=>$`<option value=${p} ?selected=${p===this.duration}>
                    ${t("minutes",{count:p/60})}
                  </option>`)}
            </select>
            <button
              id="window-start"
              class="primary"
              ?disabled=${this.busy||!a||a.continuous}
              @click=${()=>ie(this,"window-start",this.duration)}
            >
              ${t("admit")}
            </button>
          </div>
        </div>
        <div class="row details secondary">
          <span id="keys-loaded">${t("keys_loaded",{count:a?.keys_loaded??0})}</span>
          <span id="keys-waiting" class=${a?.waiting?"warn":""}
            >${t("keys_waiting",{count:a?.waiting??0})}</span
          >
          ${a?.install_code_only?$`<span>${t("install_code_only")}</span>`:w}
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
            <span>${t("guard")}</span>
          </label>
          ${this.coordinators.length>1?$`<label class="coordinator">
                <span>${t("coordinator")}</span>
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
    `]}};g([C({attribute:!1})],ve.prototype,"window",2),g([C({attribute:!1})],ve.prototype,"coordinators",2),g([C({attribute:!1})],ve.prototype,"coordinator",2),g([C({attribute:!1})],ve.prototype,"localize",2),g([C({type:Boolean})],ve.prototype,"busy",2),g([_()],ve.prototype,"now",2),g([_()],ve.prototype,"duration",2);X("provisioning-window-card",ve);var K=class extends B{constructor(){super(...arguments);this.narrow=!1;this.coordinators=[];this.version=0;this.loaded=!1;this.error="";this.busy=!1;this.loadFailed=!1;this.store=new Nt;this.started=!1}get language(){return this.hass?.locale?.language??this.hass?.language??"en"}get t(){let t=this.language;return this.localizeCache?.language!==t&&(this.localizeCache={language:t,localize:ma(t)}),this.localizeCache.localize}connectedCallback(){super.connectedCallback(),this.hass&&!this.started&&this.start()}disconnectedCallback(){super.disconnectedCallback(),this.stopSubscription(),this.started=!1}willUpdate(t){t.has("hass")&&this.hass&&!this.started&&this.isConnected&&this.start()}async start(){let t=this.hass;if(t){this.started=!0,Ue(t);try{this.coordinators=await new nt(t,void 0).coordinators()}catch(a){this.error=await ne(t,a),this.loadFailed=!0;return}(!this.coordinator||!this.coordinators.some(a=>a.config_entry_id===this.coordinator))&&(this.coordinator=this.coordinators[0]?.config_entry_id),this.subscribe()}}retry(){this.stopSubscription(),this.error="",this.loadFailed=!1,this.start()}subscribe(){let t=this.hass;if(!t||!this.started)return;this.stopSubscription(),this.loaded=!1,this.loadFailed=!1,this.error="";let a=new nt(t,this.coordinator);this.api=a,this.unsubscribe=a.subscribe(n=>{this.api===a&&this.onEvent(n)}).catch(async n=>{this.api===a&&(this.error=await ne(t,n),this.loadFailed=!0)})}stopSubscription(){let t=this.unsubscribe;this.unsubscribe=void 0,this.api=void 0,t?.then(a=>a?.()).catch(()=>{})}onEvent(t){switch(t.type){case"snapshot":de.sync(t.now),this.store.apply(t),this.window=t.window,this.loaded=!0;break;case"entries":this.store.apply(t);break;case"window":this.window=t.window;break;case"providers":break}this.version=this.store.version}async run(t){let a=this.api;if(!(!a||!this.hass)){this.busy=!0,this.error="";try{let n=await t(a);n&&(this.window=n)}catch(n){this.error=await ne(this.hass,n)}finally{this.busy=!1}}}render(){let t=this.t;return $`
      <header class="toolbar">
        ${this.narrow?$`<button
              class="icon"
              id="menu"
              aria-label=${t("menu")}
              title=${t("menu")}
              @click=${()=>ie(this,"hass-toggle-menu")}
            >
              ${Y(W.menu)}
            </button>`:w}
        <h1>${t("title")}</h1>
      </header>
      <main>
        ${this.error?$`<div class="alert error-row" role="alert" id="panel-error">
              <span>${this.error}</span>
              ${this.loadFailed?$`<button id="retry" class="outlined" @click=${()=>this.retry()}>
                    ${t("retry")}
                  </button>`:w}
            </div>`:w}
        <provisioning-window-card
          .window=${this.window}
          .coordinators=${this.coordinators}
          .coordinator=${this.coordinator}
          .localize=${t}
          ?busy=${this.busy}
          @window-start=${a=>this.run(n=>n.startWindow(a.detail))}
          @window-stop=${()=>this.run(a=>a.stopWindow())}
          @guard-set=${a=>this.run(n=>n.setGuard(a.detail))}
          @coordinator-select=${a=>{this.coordinator=a.detail,this.subscribe()}}
        ></provisioning-window-card>
        <h2 class="visually-hidden">${t("title")}</h2>
        ${this.loaded?$`<provisioning-entries-table
              .store=${this.store}
              .version=${this.version}
              .areas=${this.hass?.areas}
              .language=${this.language}
              .localize=${t}
              ?narrow=${this.narrow}
              @entry-edit=${a=>this.editDialog.open(a.detail.entry,a.detail.opener)}
              @entry-delete=${a=>this.deleteDialog.open(a.detail.entry,a.detail.opener)}
            ></provisioning-entries-table>`:this.error?w:$`<p class="secondary" id="loading">${t("loading")}</p>`}
        <!-- Home Assistant's extended floating action button: bottom right, over the list. -->
        <button
          id="add"
          class="primary fab"
          ?disabled=${!this.api}
          @click=${a=>this.addDialog.open(a.currentTarget)}
        >
          ${Y(W.plus)} ${t("add")}
        </button>
      </main>
      ${this.hass&&this.api?$`<provisioning-add-dialog
              .hass=${this.hass}
              .api=${this.api}
              .store=${this.store}
              .localize=${t}
              @entry-added=${()=>this.version=this.store.version}
            ></provisioning-add-dialog>
            <provisioning-edit-dialog
              .hass=${this.hass}
              .api=${this.api}
              .localize=${t}
              @entry-saved=${a=>{this.store.put(a.detail),this.version=this.store.version}}
            ></provisioning-edit-dialog>
            <provisioning-delete-dialog
              .hass=${this.hass}
              .api=${this.api}
              .localize=${t}
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
    `]}};g([C({attribute:!1})],K.prototype,"hass",2),g([C({type:Boolean,reflect:!0})],K.prototype,"narrow",2),g([C({attribute:!1})],K.prototype,"route",2),g([C({attribute:!1})],K.prototype,"panel",2),g([_()],K.prototype,"window",2),g([_()],K.prototype,"coordinators",2),g([_()],K.prototype,"coordinator",2),g([_()],K.prototype,"version",2),g([_()],K.prototype,"loaded",2),g([_()],K.prototype,"error",2),g([_()],K.prototype,"busy",2),g([_()],K.prototype,"loadFailed",2),g([_e("provisioning-add-dialog")],K.prototype,"addDialog",2),g([_e("provisioning-edit-dialog")],K.prototype,"editDialog",2),g([_e("provisioning-delete-dialog")],K.prototype,"deleteDialog",2);X("provisioning-panel",K);export{K as ProvisioningPanel};
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
