var Zn=Object.defineProperty;var Xn=Object.getOwnPropertyDescriptor;var g=(n,i,e,a)=>{for(var s=a>1?void 0:a?Xn(i,e):i,d=n.length-1,p;d>=0;d--)(p=n[d])&&(s=(a?p(i,e,s):p(s))||s);return a&&s&&Zn(i,e,s),s};var At=globalThis,Et=At.ShadowRoot&&(At.ShadyCSS===void 0||At.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,nr=Symbol(),vi=new WeakMap,Je=class{constructor(i,e,a){if(this._$cssResult$=!0,a!==nr)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=i,this.t=e}get styleSheet(){let i=this.o,e=this.t;if(Et&&i===void 0){let a=e!==void 0&&e.length===1;a&&(i=vi.get(e)),i===void 0&&((this.o=i=new CSSStyleSheet).replaceSync(this.cssText),a&&vi.set(e,i))}return i}toString(){return this.cssText}},gi=n=>new Je(typeof n=="string"?n:n+"",void 0,nr),W=(n,...i)=>{let e=n.length===1?n[0]:i.reduce((a,s,d)=>a+(p=>{if(p._$cssResult$===!0)return p.cssText;if(typeof p=="number")return p;throw Error("Value passed to 'css' function must be a 'css' function result: "+p+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(s)+n[d+1],n[0]);return new Je(e,n,nr)},yi=(n,i)=>{if(Et)n.adoptedStyleSheets=i.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of i){let a=document.createElement("style"),s=At.litNonce;s!==void 0&&a.setAttribute("nonce",s),a.textContent=e.cssText,n.appendChild(a)}},or=Et?n=>n:n=>n instanceof CSSStyleSheet?(i=>{let e="";for(let a of i.cssRules)e+=a.cssText;return gi(e)})(n):n;var{is:Jn,defineProperty:Yn,getOwnPropertyDescriptor:eo,getOwnPropertyNames:to,getOwnPropertySymbols:ro,getPrototypeOf:io}=Object,Ct=globalThis,bi=Ct.trustedTypes,ao=bi?bi.emptyScript:"",so=Ct.reactiveElementPolyfillSupport,Ye=(n,i)=>n,et={toAttribute(n,i){switch(i){case Boolean:n=n?ao:null;break;case Object:case Array:n=n==null?n:JSON.stringify(n)}return n},fromAttribute(n,i){let e=n;switch(i){case Boolean:e=n!==null;break;case Number:e=n===null?null:Number(n);break;case Object:case Array:try{e=JSON.parse(n)}catch{e=null}}return e}},kt=(n,i)=>!Jn(n,i),$i={attribute:!0,type:String,converter:et,reflect:!1,useDefault:!1,hasChanged:kt};Symbol.metadata??=Symbol("metadata"),Ct.litPropertyMetadata??=new WeakMap;var $e=class extends HTMLElement{static addInitializer(i){this._$Ei(),(this.l??=[]).push(i)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(i,e=$i){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(i)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(i,e),!e.noAccessor){let a=Symbol(),s=this.getPropertyDescriptor(i,a,e);s!==void 0&&Yn(this.prototype,i,s)}}static getPropertyDescriptor(i,e,a){let{get:s,set:d}=eo(this.prototype,i)??{get(){return this[e]},set(p){this[e]=p}};return{get:s,set(p){let f=s?.call(this);d?.call(this,p),this.requestUpdate(i,f,a)},configurable:!0,enumerable:!0}}static getPropertyOptions(i){return this.elementProperties.get(i)??$i}static _$Ei(){if(this.hasOwnProperty(Ye("elementProperties")))return;let i=io(this);i.finalize(),i.l!==void 0&&(this.l=[...i.l]),this.elementProperties=new Map(i.elementProperties)}static finalize(){if(this.hasOwnProperty(Ye("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Ye("properties"))){let e=this.properties,a=[...to(e),...ro(e)];for(let s of a)this.createProperty(s,e[s])}let i=this[Symbol.metadata];if(i!==null){let e=litPropertyMetadata.get(i);if(e!==void 0)for(let[a,s]of e)this.elementProperties.set(a,s)}this._$Eh=new Map;for(let[e,a]of this.elementProperties){let s=this._$Eu(e,a);s!==void 0&&this._$Eh.set(s,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(i){let e=[];if(Array.isArray(i)){let a=new Set(i.flat(1/0).reverse());for(let s of a)e.unshift(or(s))}else i!==void 0&&e.push(or(i));return e}static _$Eu(i,e){let a=e.attribute;return a===!1?void 0:typeof a=="string"?a:typeof i=="string"?i.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(i=>this.enableUpdating=i),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(i=>i(this))}addController(i){(this._$EO??=new Set).add(i),this.renderRoot!==void 0&&this.isConnected&&i.hostConnected?.()}removeController(i){this._$EO?.delete(i)}_$E_(){let i=new Map,e=this.constructor.elementProperties;for(let a of e.keys())this.hasOwnProperty(a)&&(i.set(a,this[a]),delete this[a]);i.size>0&&(this._$Ep=i)}createRenderRoot(){let i=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return yi(i,this.constructor.elementStyles),i}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(i=>i.hostConnected?.())}enableUpdating(i){}disconnectedCallback(){this._$EO?.forEach(i=>i.hostDisconnected?.())}attributeChangedCallback(i,e,a){this._$AK(i,a)}_$ET(i,e){let a=this.constructor.elementProperties.get(i),s=this.constructor._$Eu(i,a);if(s!==void 0&&a.reflect===!0){let d=(a.converter?.toAttribute!==void 0?a.converter:et).toAttribute(e,a.type);this._$Em=i,d==null?this.removeAttribute(s):this.setAttribute(s,d),this._$Em=null}}_$AK(i,e){let a=this.constructor,s=a._$Eh.get(i);if(s!==void 0&&this._$Em!==s){let d=a.getPropertyOptions(s),p=typeof d.converter=="function"?{fromAttribute:d.converter}:d.converter?.fromAttribute!==void 0?d.converter:et;this._$Em=s;let f=p.fromAttribute(e,d.type);this[s]=f??this._$Ej?.get(s)??f,this._$Em=null}}requestUpdate(i,e,a,s=!1,d){if(i!==void 0){let p=this.constructor;if(s===!1&&(d=this[i]),a??=p.getPropertyOptions(i),!((a.hasChanged??kt)(d,e)||a.useDefault&&a.reflect&&d===this._$Ej?.get(i)&&!this.hasAttribute(p._$Eu(i,a))))return;this.C(i,e,a)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(i,e,{useDefault:a,reflect:s,wrapped:d},p){a&&!(this._$Ej??=new Map).has(i)&&(this._$Ej.set(i,p??e??this[i]),d!==!0||p!==void 0)||(this._$AL.has(i)||(this.hasUpdated||a||(e=void 0),this._$AL.set(i,e)),s===!0&&this._$Em!==i&&(this._$Eq??=new Set).add(i))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let i=this.scheduleUpdate();return i!=null&&await i,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[s,d]of this._$Ep)this[s]=d;this._$Ep=void 0}let a=this.constructor.elementProperties;if(a.size>0)for(let[s,d]of a){let{wrapped:p}=d,f=this[s];p!==!0||this._$AL.has(s)||f===void 0||this.C(s,void 0,d,f)}}let i=!1,e=this._$AL;try{i=this.shouldUpdate(e),i?(this.willUpdate(e),this._$EO?.forEach(a=>a.hostUpdate?.()),this.update(e)):this._$EM()}catch(a){throw i=!1,this._$EM(),a}i&&this._$AE(e)}willUpdate(i){}_$AE(i){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(i)),this.updated(i)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(i){return!0}update(i){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(i){}firstUpdated(i){}};$e.elementStyles=[],$e.shadowRootOptions={mode:"open"},$e[Ye("elementProperties")]=new Map,$e[Ye("finalized")]=new Map,so?.({ReactiveElement:$e}),(Ct.reactiveElementVersions??=[]).push("2.1.2");var dr=globalThis,wi=n=>n,St=dr.trustedTypes,xi=St?St.createPolicy("lit-html",{createHTML:n=>n}):void 0,cr="$lit$",we=`lit$${Math.random().toFixed(9).slice(2)}$`,pr="?"+we,no=`<${pr}>`,Oe=document,rt=()=>Oe.createComment(""),it=n=>n===null||typeof n!="object"&&typeof n!="function",ur=Array.isArray,Si=n=>ur(n)||typeof n?.[Symbol.iterator]=="function",lr=`[ 	
\f\r]`,tt=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,_i=/-->/g,Ai=/>/g,Pe=RegExp(`>|${lr}(?:([^\\s"'>=/]+)(${lr}*=${lr}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Ei=/'/g,Ci=/"/g,Ti=/^(?:script|style|textarea|title)$/i,hr=n=>(i,...e)=>({_$litType$:n,strings:i,values:e}),b=hr(1),Mi=hr(2),dl=hr(3),xe=Symbol.for("lit-noChange"),x=Symbol.for("lit-nothing"),ki=new WeakMap,Le=Oe.createTreeWalker(Oe,129);function Ri(n,i){if(!ur(n)||!n.hasOwnProperty("raw"))throw Error("invalid template strings array");return xi!==void 0?xi.createHTML(i):i}var Pi=(n,i)=>{let e=n.length-1,a=[],s,d=i===2?"<svg>":i===3?"<math>":"",p=tt;for(let f=0;f<e;f++){let v=n[f],A,I,w=-1,H=0;for(;H<v.length&&(p.lastIndex=H,I=p.exec(v),I!==null);)H=p.lastIndex,p===tt?I[1]==="!--"?p=_i:I[1]!==void 0?p=Ai:I[2]!==void 0?(Ti.test(I[2])&&(s=RegExp("</"+I[2],"g")),p=Pe):I[3]!==void 0&&(p=Pe):p===Pe?I[0]===">"?(p=s??tt,w=-1):I[1]===void 0?w=-2:(w=p.lastIndex-I[2].length,A=I[1],p=I[3]===void 0?Pe:I[3]==='"'?Ci:Ei):p===Ci||p===Ei?p=Pe:p===_i||p===Ai?p=tt:(p=Pe,s=void 0);let S=p===Pe&&n[f+1].startsWith("/>")?" ":"";d+=p===tt?v+no:w>=0?(a.push(A),v.slice(0,w)+cr+v.slice(w)+we+S):v+we+(w===-2?f:S)}return[Ri(n,d+(n[e]||"<?>")+(i===2?"</svg>":i===3?"</math>":"")),a]},at=class n{constructor({strings:i,_$litType$:e},a){let s;this.parts=[];let d=0,p=0,f=i.length-1,v=this.parts,[A,I]=Pi(i,e);if(this.el=n.createElement(A,a),Le.currentNode=this.el.content,e===2||e===3){let w=this.el.content.firstChild;w.replaceWith(...w.childNodes)}for(;(s=Le.nextNode())!==null&&v.length<f;){if(s.nodeType===1){if(s.hasAttributes())for(let w of s.getAttributeNames())if(w.endsWith(cr)){let H=I[p++],S=s.getAttribute(w).split(we),F=/([.?@])?(.*)/.exec(H);v.push({type:1,index:d,name:F[2],strings:S,ctor:F[1]==="."?Mt:F[1]==="?"?Rt:F[1]==="@"?Pt:Ie}),s.removeAttribute(w)}else w.startsWith(we)&&(v.push({type:6,index:d}),s.removeAttribute(w));if(Ti.test(s.tagName)){let w=s.textContent.split(we),H=w.length-1;if(H>0){s.textContent=St?St.emptyScript:"";for(let S=0;S<H;S++)s.append(w[S],rt()),Le.nextNode(),v.push({type:2,index:++d});s.append(w[H],rt())}}}else if(s.nodeType===8)if(s.data===pr)v.push({type:2,index:d});else{let w=-1;for(;(w=s.data.indexOf(we,w+1))!==-1;)v.push({type:7,index:d}),w+=we.length-1}d++}}static createElement(i,e){let a=Oe.createElement("template");return a.innerHTML=i,a}};function He(n,i,e=n,a){if(i===xe)return i;let s=a!==void 0?e._$Co?.[a]:e._$Cl,d=it(i)?void 0:i._$litDirective$;return s?.constructor!==d&&(s?._$AO?.(!1),d===void 0?s=void 0:(s=new d(n),s._$AT(n,e,a)),a!==void 0?(e._$Co??=[])[a]=s:e._$Cl=s),s!==void 0&&(i=He(n,s._$AS(n,i.values),s,a)),i}var Tt=class{constructor(i,e){this._$AV=[],this._$AN=void 0,this._$AD=i,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(i){let{el:{content:e},parts:a}=this._$AD,s=(i?.creationScope??Oe).importNode(e,!0);Le.currentNode=s;let d=Le.nextNode(),p=0,f=0,v=a[0];for(;v!==void 0;){if(p===v.index){let A;v.type===2?A=new De(d,d.nextSibling,this,i):v.type===1?A=new v.ctor(d,v.name,v.strings,this,i):v.type===6&&(A=new Lt(d,this,i)),this._$AV.push(A),v=a[++f]}p!==v?.index&&(d=Le.nextNode(),p++)}return Le.currentNode=Oe,s}p(i){let e=0;for(let a of this._$AV)a!==void 0&&(a.strings!==void 0?(a._$AI(i,a,e),e+=a.strings.length-2):a._$AI(i[e])),e++}},De=class n{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(i,e,a,s){this.type=2,this._$AH=x,this._$AN=void 0,this._$AA=i,this._$AB=e,this._$AM=a,this.options=s,this._$Cv=s?.isConnected??!0}get parentNode(){let i=this._$AA.parentNode,e=this._$AM;return e!==void 0&&i?.nodeType===11&&(i=e.parentNode),i}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(i,e=this){i=He(this,i,e),it(i)?i===x||i==null||i===""?(this._$AH!==x&&this._$AR(),this._$AH=x):i!==this._$AH&&i!==xe&&this._(i):i._$litType$!==void 0?this.$(i):i.nodeType!==void 0?this.T(i):Si(i)?this.k(i):this._(i)}O(i){return this._$AA.parentNode.insertBefore(i,this._$AB)}T(i){this._$AH!==i&&(this._$AR(),this._$AH=this.O(i))}_(i){this._$AH!==x&&it(this._$AH)?this._$AA.nextSibling.data=i:this.T(Oe.createTextNode(i)),this._$AH=i}$(i){let{values:e,_$litType$:a}=i,s=typeof a=="number"?this._$AC(i):(a.el===void 0&&(a.el=at.createElement(Ri(a.h,a.h[0]),this.options)),a);if(this._$AH?._$AD===s)this._$AH.p(e);else{let d=new Tt(s,this),p=d.u(this.options);d.p(e),this.T(p),this._$AH=d}}_$AC(i){let e=ki.get(i.strings);return e===void 0&&ki.set(i.strings,e=new at(i)),e}k(i){ur(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,a,s=0;for(let d of i)s===e.length?e.push(a=new n(this.O(rt()),this.O(rt()),this,this.options)):a=e[s],a._$AI(d),s++;s<e.length&&(this._$AR(a&&a._$AB.nextSibling,s),e.length=s)}_$AR(i=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);i!==this._$AB;){let a=wi(i).nextSibling;wi(i).remove(),i=a}}setConnected(i){this._$AM===void 0&&(this._$Cv=i,this._$AP?.(i))}},Ie=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(i,e,a,s,d){this.type=1,this._$AH=x,this._$AN=void 0,this.element=i,this.name=e,this._$AM=s,this.options=d,a.length>2||a[0]!==""||a[1]!==""?(this._$AH=Array(a.length-1).fill(new String),this.strings=a):this._$AH=x}_$AI(i,e=this,a,s){let d=this.strings,p=!1;if(d===void 0)i=He(this,i,e,0),p=!it(i)||i!==this._$AH&&i!==xe,p&&(this._$AH=i);else{let f=i,v,A;for(i=d[0],v=0;v<d.length-1;v++)A=He(this,f[a+v],e,v),A===xe&&(A=this._$AH[v]),p||=!it(A)||A!==this._$AH[v],A===x?i=x:i!==x&&(i+=(A??"")+d[v+1]),this._$AH[v]=A}p&&!s&&this.j(i)}j(i){i===x?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,i??"")}},Mt=class extends Ie{constructor(){super(...arguments),this.type=3}j(i){this.element[this.name]=i===x?void 0:i}},Rt=class extends Ie{constructor(){super(...arguments),this.type=4}j(i){this.element.toggleAttribute(this.name,!!i&&i!==x)}},Pt=class extends Ie{constructor(i,e,a,s,d){super(i,e,a,s,d),this.type=5}_$AI(i,e=this){if((i=He(this,i,e,0)??x)===xe)return;let a=this._$AH,s=i===x&&a!==x||i.capture!==a.capture||i.once!==a.once||i.passive!==a.passive,d=i!==x&&(a===x||s);s&&this.element.removeEventListener(this.name,this,a),d&&this.element.addEventListener(this.name,this,i),this._$AH=i}handleEvent(i){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,i):this._$AH.handleEvent(i)}},Lt=class{constructor(i,e,a){this.element=i,this.type=6,this._$AN=void 0,this._$AM=e,this.options=a}get _$AU(){return this._$AM._$AU}_$AI(i){He(this,i)}},Li={M:cr,P:we,A:pr,C:1,L:Pi,R:Tt,D:Si,V:He,I:De,H:Ie,N:Rt,U:Pt,B:Mt,F:Lt},oo=dr.litHtmlPolyfillSupport;oo?.(at,De),(dr.litHtmlVersions??=[]).push("3.3.3");var Oi=(n,i,e)=>{let a=e?.renderBefore??i,s=a._$litPart$;if(s===void 0){let d=e?.renderBefore??null;a._$litPart$=s=new De(i.insertBefore(rt(),d),d,void 0,e??{})}return s._$AI(n),s};var mr=globalThis,D=class extends $e{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let i=super.createRenderRoot();return this.renderOptions.renderBefore??=i.firstChild,i}update(i){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(i),this._$Do=Oi(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return xe}};D._$litElement$=!0,D.finalized=!0,mr.litElementHydrateSupport?.({LitElement:D});var lo=mr.litElementPolyfillSupport;lo?.({LitElement:D});(mr.litElementVersions??=[]).push("4.2.2");var co={attribute:!0,type:String,converter:et,reflect:!1,hasChanged:kt},po=(n=co,i,e)=>{let{kind:a,metadata:s}=e,d=globalThis.litPropertyMetadata.get(s);if(d===void 0&&globalThis.litPropertyMetadata.set(s,d=new Map),a==="setter"&&((n=Object.create(n)).wrapped=!0),d.set(e.name,n),a==="accessor"){let{name:p}=e;return{set(f){let v=i.get.call(this);i.set.call(this,f),this.requestUpdate(p,v,n,!0,f)},init(f){return f!==void 0&&this.C(p,void 0,n,f),f}}}if(a==="setter"){let{name:p}=e;return function(f){let v=this[p];i.call(this,f),this.requestUpdate(p,v,n,!0,f)}}throw Error("Unsupported decorator location: "+a)};function C(n){return(i,e)=>typeof e=="object"?po(n,i,e):((a,s,d)=>{let p=s.hasOwnProperty(d);return s.constructor.createProperty(d,a),p?Object.getOwnPropertyDescriptor(s,d):void 0})(n,i,e)}function _(n){return C({...n,state:!0,attribute:!1})}var ze=(n,i,e)=>(e.configurable=!0,e.enumerable=!0,Reflect.decorate&&typeof i!="object"&&Object.defineProperty(n,i,e),e);function _e(n,i){return(e,a,s)=>{let d=p=>p.renderRoot?.querySelector(n)??null;if(i){let{get:p,set:f}=typeof a=="object"?e:s??(()=>{let v=Symbol();return{get(){return this[v]},set(A){this[v]=A}}})();return ze(e,a,{get(){let v=p.call(this);return v===void 0&&(v=d(this),(v!==null||this.hasUpdated)&&f.call(this,v)),v}})}return ze(e,a,{get(){return d(this)}})}}var Ue="provisioning";function uo(n){return new TextEncoder().encode(JSON.stringify({...n,id:2**53})).length}var st=class{constructor(i,e){this.hass=i;this.configEntryId=e}message(i,e={}){let a={type:`${Ue}/${i}`,...e};return this.configEntryId&&(a.config_entry_id=this.configEntryId),a}call(i,e={}){return this.hass.callWS(this.message(i,e))}subscribe(i){let e={type:`${Ue}/entries/subscribe`};return this.configEntryId&&(e.config_entry_id=this.configEntryId),this.hass.connection.subscribeMessage(i,e)}async coordinators(){return(await this.hass.callWS({type:`${Ue}/coordinators`})).coordinators}parse(i){return this.hass.callWS({type:`${Ue}/code/parse`,qr_code:i})}async add(i){return(await this.call("entries/add",ho(i))).entry}async update(i,e){return(await this.call("entries/update",{ieee:i,...e})).entry}async remove(i){await this.call("entries/remove",{ieee:i})}importBytes(i){return uo(this.message("entries/import",{csv:i}))}importCsv(i){return this.call("entries/import",{csv:i})}async startWindow(i){let e=i===void 0?{}:{duration:i};return(await this.call("window/start",e)).window}async stopWindow(){return(await this.call("window/stop")).window}async setGuard(i){return(await this.call("guard/set",{enabled:i})).window}};function ho(n){let i={};for(let[e,a]of Object.entries(n))typeof a=="string"&&a.trim()!==""&&(i[e]=a.trim());return i}var Hi;function je(n){return Hi??=n.loadBackendTranslation("exceptions",Ue).then(i=>typeof i=="function"?i:void 0).catch(()=>{}),Hi}function Ve(n){let i=n?.translation_placeholders?.field;return typeof i=="string"?i:void 0}async function se(n,i){let e=i??{};if(e.translation_key){let d=(await je(n)??n.localize)(`component.${Ue}.exceptions.${e.translation_key}.message`,e.translation_placeholders);if(d)return d}return typeof e.message=="string"&&e.message?e.message:i instanceof Error?i.message:String(i)}var fr=class extends EventTarget{constructor(e=()=>Date.now()){super();this.local=e;this.offsetMs=0}now(){return this.local()+this.offsetMs}get offset(){return this.offsetMs}sync(e){if(!e)return!1;let a=Date.parse(e);if(Number.isNaN(a))return!1;let s=a-this.local();return Math.abs(s)<1e3&&(s=0),s===this.offsetMs?!1:(this.offsetMs=s,this.dispatchEvent(new Event("change")),!0)}},de=new fr;var Ii=n=>n??x;var ee=W`
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
`,Ot=W`
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
`,G={menu:"M3,6H21V8H3V6M3,11H21V13H3V11M3,16H21V18H3V16Z",close:"M19,6.41L17.59,5L12,10.59L6.41,5L5,6.41L10.59,12L5,17.59L6.41,19L12,13.41L17.59,19L19,17.59L13.41,12L19,6.41Z",pencil:"M20.71,7.04C21.1,6.65 21.1,6 20.71,5.63L18.37,3.29C18,2.9 17.35,2.9 16.96,3.29L15.12,5.12L18.87,8.87M3,17.25V21H6.75L17.81,9.93L14.06,6.18L3,17.25Z",delete:"M19,4H15.5L14.5,3H9.5L8.5,4H5V6H19M6,19A2,2 0 0,0 8,21H16A2,2 0 0,0 18,19V7H6V19Z",openInNew:"M14,3V5H17.59L7.76,14.83L9.17,16.24L19,6.41V10H21V3M19,19H5V5H12V3H5C3.89,3 3,3.9 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V12H19V19Z",plus:"M19,13H13V19H11V13H5V11H11V5H13V11H19V13Z",camera:"M4,4H7L9,2H15L17,4H20A2,2 0 0,1 22,6V18A2,2 0 0,1 20,20H4A2,2 0 0,1 2,18V6A2,2 0 0,1 4,4M12,7A5,5 0 0,0 7,12A5,5 0 0,0 12,17A5,5 0 0,0 17,12A5,5 0 0,0 12,7M12,9A3,3 0 0,1 15,12A3,3 0 0,1 12,15A3,3 0 0,1 9,12A3,3 0 0,1 12,9Z",upload:"M9,16V10H5L12,3L19,10H15V16H9M5,20V18H19V20H5Z",eye:"M12,9A3,3 0 0,0 9,12A3,3 0 0,0 12,15A3,3 0 0,0 15,12A3,3 0 0,0 12,9M12,17A5,5 0 0,1 7,12A5,5 0 0,1 12,7A5,5 0 0,1 17,12A5,5 0 0,1 12,17M12,4.5C7,4.5 2.73,7.61 1,12C2.73,16.39 7,19.5 12,19.5C17,19.5 21.27,16.39 23,12C21.27,7.61 17,4.5 12,4.5Z",eyeOff:"M11.83,9L15,12.16C15,12.11 15,12.05 15,12A3,3 0 0,0 12,9C11.94,9 11.89,9 11.83,9M7.53,9.8L9.08,11.35C9.03,11.56 9,11.77 9,12A3,3 0 0,0 12,15C12.22,15 12.44,14.97 12.65,14.92L14.2,16.47C13.53,16.8 12.79,17 12,17A5,5 0 0,1 7,12C7,11.21 7.2,10.47 7.53,9.8M2,4.27L4.28,6.55L4.73,7C3.08,8.3 1.78,10 1,12C2.73,16.39 7,19.5 12,19.5C13.55,19.5 15.03,19.2 16.38,18.66L16.81,19.08L19.73,22L21,20.73L3.27,3M12,7A5,5 0 0,1 17,12C17,12.64 16.87,13.26 16.64,13.82L19.57,16.75C21.07,15.5 22.27,13.86 23,12C21.27,7.61 17,4.5 12,4.5C10.6,4.5 9.26,4.75 8,5.2L10.17,7.35C10.74,7.13 11.35,7 12,7Z",sortAsc:"M7,15L12,10L17,15H7Z",sortDesc:"M7,10L12,15L17,10H7Z"};function K(n,i){customElements.get(n)||customElements.define(n,i)}function Y(n){return Mi`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${n}></path></svg>`}function ie(n,i,e){n.dispatchEvent(new CustomEvent(i,{detail:e,bubbles:!0,composed:!0}))}function zi(n){history.pushState(null,"",n),window.dispatchEvent(new CustomEvent("location-changed"))}function mo(n,i,e){let a=Object.values(n??{}).sort((s,d)=>s.name.localeCompare(d.name));return b`<option value="" ?selected=${!i}>${e("no_area")}</option>
    ${a.map(s=>b`<option value=${s.area_id} ?selected=${s.area_id===i}>
          ${s.name}
        </option>`)}`}var gr="ha-area-picker",fo=1e4,vr;function vo(n,i){return customElements.get(gr)?Promise.resolve(!0):(vr??=(async()=>{if(!customElements.get("ha-selector"))return!1;let e=document.createElement("ha-selector");e.hass=i,e.selector={area:{}},e.hidden=!0,n.append(e);let a;try{return await Promise.race([customElements.whenDefined(gr).then(()=>!0),new Promise(s=>{a=window.setTimeout(()=>s(!1),fo)})])}finally{window.clearTimeout(a),e.remove()}})().catch(()=>!1).then(e=>(e||(vr=void 0),e)),vr)}var Ne=class extends D{constructor(){super(...arguments);this.value="";this.picker=customElements.get(gr)?"ha":"native"}connectedCallback(){super.connectedCallback(),this.picker==="native"&&this.hass&&vo(this.renderRoot,this.hass).then(e=>{e&&(this.picker="ha")})}set(e){this.value=e,this.dispatchEvent(new CustomEvent("area-changed",{detail:e}))}render(){let e=this.localize;return this.picker==="ha"?b`<ha-area-picker
        .hass=${this.hass}
        .label=${e("area")}
        .value=${this.value||void 0}
        @value-changed=${a=>{a.stopPropagation(),this.set(a.detail.value??"")}}
      ></ha-area-picker>`:b`<label class="field"
      >${e("area")}
      <select
        id="select"
        name="area_id"
        @change=${a=>this.set(a.target.value)}
      >
        ${mo(this.hass.areas,this.value,e)}
      </select>
    </label>`}static{this.styles=[ee,W`
      :host {
        display: block;
      }
      ha-area-picker {
        display: block;
        width: 100%;
      }
    `]}};g([C({attribute:!1})],Ne.prototype,"hass",2),g([C({attribute:!1})],Ne.prototype,"localize",2),g([C()],Ne.prototype,"value",2),g([C({reflect:!0,attribute:"data-picker"})],Ne.prototype,"picker",2);var ve=class extends D{constructor(){super(...arguments);this.label="";this.value="";this.error="";this.name="";this.autocomplete="off";this.shown=!1}static{this.shadowRootOptions={...D.shadowRootOptions,delegatesFocus:!0}}render(){let e=this.localize;return b`<label class="field">
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
            aria-describedby=${Ii(this.error?"error":void 0)}
            .value=${this.value}
            @input=${a=>{this.value=a.target.value,this.dispatchEvent(new CustomEvent("value-changed",{detail:this.value}))}}
          />
          <button
            type="button"
            class="icon"
            aria-pressed=${this.shown?"true":"false"}
            aria-label=${this.shown?e("hide_secret"):e("show_secret")}
            title=${this.shown?e("hide_secret"):e("show_secret")}
            @click=${()=>{this.shown=!this.shown}}
          >
            ${Y(this.shown?G.eyeOff:G.eye)}
          </button>
        </span>
      </label>
      ${this.error?b`<div id="error" class="field-error" role="alert">${this.error}</div>`:x}`}static{this.styles=[ee,W`
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
    `]}};g([C()],ve.prototype,"label",2),g([C()],ve.prototype,"value",2),g([C()],ve.prototype,"error",2),g([C()],ve.prototype,"name",2),g([C()],ve.prototype,"autocomplete",2),g([C({attribute:!1})],ve.prototype,"localize",2),g([_()],ve.prototype,"shown",2);K("provisioning-secret-input",ve);K("provisioning-area-picker",Ne);var J=class extends D{constructor(){super(...arguments);this.typeMode="qr";this.qr="";this.ieee="";this.keyType="install_code";this.key="";this.name="";this.areaId="";this.fieldErrors={};this.typeError="";this.busy=!1}async submit(e){if(e.preventDefault(),this.busy)return;let a={name:this.name,area_id:this.areaId};this.typeMode==="qr"?a.qr_code=this.qr:(a.ieee=this.ieee,a[this.keyType]=this.key),this.busy=!0,this.fieldErrors={},this.typeError="",ie(this,"add-message",void 0);try{let s=await this.api.add(a);this.store.put(s),ie(this,"entry-added",s),ie(this,"add-message",{kind:"ok",text:this.localize("added",{name:s.name||s.ieee})}),this.qr="",this.ieee="",this.key="",this.name=""}catch(s){let d=await se(this.hass,s),p=Ve(s),f=p==="install_code"||p==="link_key"?"key":p==="qr_code"&&this.typeMode==="qr"?"qr_code":p==="ieee"&&this.typeMode==="fields"?"ieee":void 0;if(f){this.fieldErrors={[f]:d};let v=f==="key"?"type-key":f==="qr_code"?"type-qr":"type-ieee";this.updateComplete.then(()=>this.renderRoot.querySelector(`#${v}`)?.focus())}else this.typeError=d}finally{this.busy=!1}}render(){let e=this.localize,a=this.fieldErrors;return b`<form id="type-form" @submit=${this.submit}>
      ${this.typeError?b`<div class="alert" role="alert" id="type-error">${this.typeError}</div>`:x}
      <fieldset class="mode">
        <legend>${e("type_mode")}</legend>
        <label
          ><input
            type="radio"
            name="type-mode"
            id="mode-qr"
            .checked=${this.typeMode==="qr"}
            @change=${()=>{this.typeMode="qr"}}
          />${e("type_qr")}</label
        >
        <label
          ><input
            type="radio"
            name="type-mode"
            id="mode-fields"
            .checked=${this.typeMode==="fields"}
            @change=${()=>{this.typeMode="fields"}}
          />${e("type_fields")}</label
        >
      </fieldset>
      ${this.typeMode==="qr"?b`<provisioning-secret-input
            id="type-qr"
            name="qr_code"
            .label=${e("qr_code")}
            .value=${this.qr}
            .error=${a.qr_code??""}
            .localize=${e}
            @value-changed=${s=>{this.qr=s.detail}}
          ></provisioning-secret-input>`:b`<label class="field"
              >${e("ieee")}
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
                @input=${s=>{this.ieee=s.target.value}}
              />
            </label>
            ${a.ieee?b`<div id="type-ieee-error" class="field-error" role="alert">${a.ieee}</div>`:x}
            <label class="field"
              >${e("key_type")}
              <select
                id="type-key-type"
                name="key_type"
                @change=${s=>{this.keyType=s.target.value}}
              >
                <option value="install_code" ?selected=${this.keyType==="install_code"}>
                  ${e("install_code")}
                </option>
                <option value="link_key" ?selected=${this.keyType==="link_key"}>${e("link_key")}</option>
              </select>
            </label>
            <provisioning-secret-input
              id="type-key"
              name=${this.keyType}
              .label=${this.keyType==="install_code"?e("install_code"):e("link_key")}
              .value=${this.key}
              .error=${a.key??""}
              .localize=${e}
              @value-changed=${s=>{this.key=s.detail}}
            ></provisioning-secret-input>`}
      <label class="field"
        >${e("name")}
        <input
          id="type-name"
          name="name"
          type="text"
          autocomplete="off"
          .value=${this.name}
          @input=${s=>{this.name=s.target.value}}
        />
      </label>
      <provisioning-area-picker
        id="type-area"
        .hass=${this.hass}
        .localize=${e}
        .value=${this.areaId}
        @area-changed=${s=>{this.areaId=s.detail}}
      ></provisioning-area-picker>
      <div class="buttons">
        <button type="submit" id="type-add" class="primary" ?disabled=${this.busy}>
          ${e("add_device")}
        </button>
      </div>
    </form>`}static{this.styles=[ee,W`
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
    `]}};g([C({attribute:!1})],J.prototype,"hass",2),g([C({attribute:!1})],J.prototype,"api",2),g([C({attribute:!1})],J.prototype,"store",2),g([C({attribute:!1})],J.prototype,"localize",2),g([_()],J.prototype,"typeMode",2),g([_()],J.prototype,"qr",2),g([_()],J.prototype,"ieee",2),g([_()],J.prototype,"keyType",2),g([_()],J.prototype,"key",2),g([_()],J.prototype,"name",2),g([_()],J.prototype,"areaId",2),g([_()],J.prototype,"fieldErrors",2),g([_()],J.prototype,"typeError",2),g([_()],J.prototype,"busy",2);K("provisioning-type-form",J);var go={NotFoundError:"no_camera",DevicesNotFoundError:"no_camera",OverconstrainedError:"no_camera",ConstraintNotSatisfiedError:"no_camera",NotAllowedError:"denied",PermissionDeniedError:"denied",SecurityError:"denied",NotReadableError:"in_use",TrackStartError:"in_use",AbortError:"in_use"};function Ni(n){let i=n?.name;return typeof i=="string"&&go[i]||"unavailable"}var yo={qr_code:"qr_code",data_matrix:"data_matrix"};function Bi(n){let i=n?.auth?.external;return i?.config?.hasBarCodeScanner?i:void 0}var Ht=class{constructor(i,e){this.app=i;this.handlers=e;this.wrapped=!1}get scanning(){return this.wrapped}open(i){this.wrapped||(this.previous=window.externalBus,window.externalBus=e=>this.receive(e),this.wrapped=!0),this.app.fireMessage({type:"bar_code/scan",payload:{...i}})}notify(i){this.app.fireMessage({type:"bar_code/notify",payload:{message:i}})}close(){this.wrapped&&(this.app.fireMessage({type:"bar_code/close"}),this.restore())}restore(){this.wrapped&&(window.externalBus=this.previous,this.previous=void 0,this.wrapped=!1)}receive(i){let e=i.type==="command"?i.command:void 0;if(e!=="bar_code/scan_result"&&e!=="bar_code/aborted"){this.previous?.(i);return}i.id!==void 0&&this.app.fireMessage({id:i.id,type:"result",success:!0,result:null});let a=i.payload??{};if(e==="bar_code/aborted"){this.restore(),this.handlers.onAborted(String(a.reason??"canceled"));return}let s=yo[String(a.format)]??null;this.handlers.onRead(String(a.rawValue??""),s)}};var ce=[["All","*","*","     ",0,"All"],["AllReadable","*","r","     ",0,"All Readable"],["AllCreatable","*","w","     ",0,"All Creatable"],["AllLinear","*","l","     ",0,"All Linear"],["AllMatrix","*","m","     ",0,"All Matrix"],["AllGS1","*","G","     ",0,"All GS1"],["AllRetail","*","R","     ",0,"All Retail"],["AllIndustrial","*","I","     ",0,"All Industrial"],["Codabar","F"," ","lrw  ",18,"Codabar"],["Code39","A"," ","lrw I",8,"Code 39"],["Code39Std","A","s","lrw I",8,"Code 39 Standard"],["Code39Ext","A","e","lr  I",9,"Code 39 Extended"],["Code32","A","2","lr  I",129,"Code 32"],["PZN","A","p","lr  I",52,"Pharmazentralnummer"],["Code93","G"," ","lrw I",25,"Code 93"],["Code128","C"," ","lrwGI",20,"Code 128"],["ITF","I"," ","lrw I",3,"ITF"],["ITF14","I","4","lr  I",89,"ITF-14"],["DataBar","e"," ","lr GR",29,"DataBar"],["DataBarOmni","e","o","lr GR",29,"DataBar Omni"],["DataBarStk","e","s","lr GR",79,"DataBar Stacked"],["DataBarStkOmni","e","O","lr GR",80,"DataBar Stacked Omni"],["DataBarLtd","e","l","lr GR",30,"DataBar Limited"],["DataBarExp","e","e","lr GR",31,"DataBar Expanded"],["DataBarExpStk","e","E","lr GR",81,"DataBar Expanded Stacked"],["EANUPC","E"," ","lr  R",15,"EAN/UPC"],["EAN13","E","1","lrw R",15,"EAN-13"],["EAN8","E","8","lrw R",10,"EAN-8"],["EAN5","E","5","l   R",12,"EAN-5"],["EAN2","E","2","l   R",11,"EAN-2"],["ISBN","E","i","lr  R",69,"ISBN"],["UPCA","E","a","lrw R",34,"UPC-A"],["UPCE","E","e","lrw R",37,"UPC-E"],["Telepen","B"," ","lr  I",32,"Telepen"],["TelepenAlpha","B","0","lr  I",32,"Telepen Alpha"],["TelepenNumeric","B","1","lr  I",87,"Telepen Numeric"],["OtherBarcode","X"," "," r   ",0,"Other barcode"],["DXFilmEdge","X","x","lr   ",147,"DX Film Edge"],["PDF417","L"," ","mrw  ",55,"PDF417"],["CompactPDF417","L","c","mr   ",56,"Compact PDF417"],["MicroPDF417","L","m","mr   ",84,"MicroPDF417"],["Aztec","z"," ","mr G ",92,"Aztec"],["AztecCode","z","c","mrwG ",92,"Aztec Code"],["AztecRune","z","r","mr   ",128,"Aztec Rune"],["QRCode","Q"," ","mrwG ",58,"QR Code"],["QRCodeModel1","Q","1","mr   ",0,"QR Code Model 1"],["QRCodeModel2","Q","2","mr   ",58,"QR Code Model 2"],["MicroQRCode","Q","m","mr   ",97,"Micro QR Code"],["RMQRCode","Q","r","mr G ",145,"rMQR Code"],["DataMatrix","d"," ","mrwG ",71,"Data Matrix"],["MaxiCode","U"," ","mr   ",57,"MaxiCode"]],bo={DataBarExpanded:"DataBarExp",DataBarLimited:"DataBarLtd","Linear-Codes":"AllLinear","Matrix-Codes":"AllMatrix",Any:"All",rMQRCode:"RMQRCode"},$o=ce.map(n=>n[5]),wo=ce.filter(n=>n[1]==="*").map(n=>n[0]),xo=ce.filter(n=>n[1]!=="*").map(n=>n[0]);var _o=ce.filter(n=>n[2]===" ").map(n=>n[0]),Ao=ce.filter(n=>n[3][0]==="l").map(n=>n[0]);var Eo=ce.filter(n=>n[3][0]==="m").map(n=>n[0]);var Co=ce.filter(n=>n[3][1]==="r").map(n=>n[0]),ko=ce.filter(n=>n[3][2]==="w"||n[4]!==0).map(n=>n[0]),So=ce.filter(n=>n[3][3]==="G").map(n=>n[0]),To=ce.filter(n=>n[3][4]==="R").map(n=>n[0]),Mo=ce.filter(n=>n[3][4]==="I").map(n=>n[0]);function Fi(n){var i;return(i=bo[n])==null?n:i}function Di(n){return n.map(Fi).join(",")}var Ui=["LocalAverage","GlobalHistogram","FixedThreshold","BoolCast"];function Ro(n){return Ui.indexOf(n)}var br="Unknown.ASCII.ISO8859_1.ISO8859_2.ISO8859_3.ISO8859_4.ISO8859_5.ISO8859_6.ISO8859_7.ISO8859_8.ISO8859_9.ISO8859_10.ISO8859_11.ISO8859_13.ISO8859_14.ISO8859_15.ISO8859_16.Cp437.Cp1250.Cp1251.Cp1252.Cp1256.Shift_JIS.Big5.GB2312.GB18030.EUC_JP.EUC_KR.UTF16BE.UTF8.UTF16LE.UTF32BE.UTF32LE.BINARY".split(".");function Po(n){return n==="UnicodeBig"?br.indexOf("UTF16BE"):br.indexOf(n)}var ji=["Text","Binary","Mixed","GS1","ISO15434","UnknownECI"];function Lo(n){return ji[n]}var Vi=["Ignore","Read","Require"];function Oo(n){return Vi.indexOf(n)}var qi=["Plain","ECI","HRI","Escaped","Hex","HexECI"];function Ho(n){return qi.indexOf(n)}var It={formats:[],tryHarder:!0,tryRotate:!0,tryInvert:!0,tryDownscale:!0,tryDenoise:!1,binarizer:"LocalAverage",isPure:!1,downscaleFactor:3,downscaleThreshold:500,minLineCount:2,maxNumberOfSymbols:255,validateOptionalChecksum:!1,returnErrors:!1,eanAddOnSymbol:"Ignore",textMode:"HRI",characterSet:"Unknown",tryCode39ExtendedMode:!0};function Io(n){var i;return{...n,formats:Di(n.formats),binarizer:Ro(n.binarizer),eanAddOnSymbol:Oo(n.eanAddOnSymbol),textMode:Ho(n.textMode),characterSet:Po(n.characterSet),tryCode39ExtendedMode:(i=n.tryCode39ExtendedMode)==null||i}}function zo(n){return{...n,orientation:n.rotation,format:n.format,symbology:n.symbology,contentType:Lo(n.contentType)}}var No={format:"QRCode",readerInit:!1,forceSquareDataMatrix:!1,ecLevel:"",scale:1,sizeHint:0,rotate:0,invert:!1,withHRT:!1,withQuietZones:!0,addHRT:!1,addQuietZones:!0,options:""};function Bo(n,i){let e=n.byteLength>>2;for(let a=0;a<e;a+=1024){let s=Math.min(a+1024,e);for(let d=a;d<s;d++){let p=d<<2;i[d]=306*n[p]+601*n[p+1]+117*n[p+2]+512>>10}}}var Fo={locateFile:(n,i)=>{let e=n.match(/_(.+?)\.wasm$/);return e?`https://fastly.jsdelivr.net/npm/zxing-wasm@3.1.6/dist/${e[1]}/${n}`:i+n}},yr=new WeakMap;function Do(n,i){return Object.is(n,i)||Object.keys(n).length===Object.keys(i).length&&Object.keys(n).every(e=>Object.prototype.hasOwnProperty.call(i,e)&&n[e]===i[e])}function $r(n){let{overrides:i,equalityFn:e=Do,fireImmediately:a=!1}=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{};var s;let[d,p]=(s=yr.get(n))==null?[Fo]:s,f=i??d,v;if(a){if(p&&(v=e(d,f)))return p;let A=n({...f});return yr.set(n,[f,A]),A}(v??e(d,f))||yr.set(n,[f])}async function Wi(n,i){let e=arguments.length>2&&arguments[2]!==void 0?arguments[2]:It,a={...It,...e},s=await $r(n,{fireImmediately:!0}),d,p=Io(a);if("width"in i&&"height"in i&&"data"in i){let{width:f,height:v}=i,A=i.data.buffer===s.HEAPU8.buffer?i.data.slice():i.data,I=A.byteLength/4,w=s._malloc(I);if(!w)throw Error(`Failed to allocate ${I} bytes in WASM memory`);try{Bo(A,s.HEAPU8.subarray(w,w+I)),d=s.readBarcodesFromPixmap(w,f,v,p)}finally{s._free(w)}}else{let f;if("buffer"in i)f=i;else if("byteLength"in i)f=new Uint8Array(i);else if("size"in i)f=new Uint8Array(await i.arrayBuffer());else throw TypeError("Invalid input type");let v=s._malloc(f.byteLength);if(!v)throw Error(`Failed to allocate ${f.byteLength} bytes in WASM memory`);try{s.HEAPU8.set(f,v),d=s.readBarcodesFromImage(v,f.byteLength,p)}finally{s._free(v)}}try{let f=[],v=d.size();for(let A=0;A<v;++A)f.push(zo(d.get(A)));return f}finally{d.delete()}}var Uo={...It,formats:[...It.formats]},xd={...No};function jo(n,i,e){return i in n?Object.defineProperty(n,i,{value:e,enumerable:!0,configurable:!0,writable:!0}):n[i]=e,n}async function Gi(){let n=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};var i,e,a,s=n,d=!!globalThis.window,p=!!globalThis.WorkerGlobalScope;(e=globalThis.process)!=null&&(i=e.versions)!=null&&i.node&&((a=globalThis.process)==null||a.type);var f=(t,r)=>{throw r},v=void 0,A="";function I(t){return s.locateFile?s.locateFile(t,A):A+t}var w,H;if(d||p||typeof fetch=="function"){try{A=new URL(".",v).href}catch{}p&&(H=t=>{var r=new XMLHttpRequest;return r.open("GET",t,!1),r.responseType="arraybuffer",r.send(null),new Uint8Array(r.response)}),w=async t=>{var r=await fetch(t,{credentials:"same-origin"});if(r.ok)return r.arrayBuffer();throw Error(r.status+" : "+r.url)}}console.log.bind(console);var S=console.error.bind(console),F,te=!1,Ae;class k{}class Ut extends k{constructor(r){super(),this.excPtr=r}}function wa(){return bt.buffer}function Sr(){var t;if(!(ye!=null&&(t=ye.buffer)!=null&&t.resizable)){var r=wa();ye=new Int8Array(r),gt=new Int16Array(r),s.HEAPU8=oe=new Uint8Array(r),Ze=new Uint16Array(r),yt=new Int32Array(r),j=new Uint32Array(r),Kr=new Float32Array(r),Zr=new Float64Array(r)}}function xa(){var t=s.preRun;t&&(typeof t=="function"&&(t=[t]),Pr.push(...t)),Mr(Pr)}function _a(){$t.ra()}function Aa(){var t=s.postRun;t&&(typeof t=="function"&&(t=[t]),Rr.push(...t)),Mr(Rr)}function jt(t){var r;throw(r=s.onAbort)==null||r.call(s,t),t=`Aborted(${t})`,S(t),te=!0,t+=". Build with -sASSERTIONS for more info.",new WebAssembly.RuntimeError(t)}var ot;function Ea(){return I("zxing_reader.wasm")}function Ca(t){if(t==ot&&F)return new Uint8Array(F);if(H)return H(t);throw"both async and sync fetching of the wasm failed"}async function ka(t){if(!F)try{var r=await w(t);return new Uint8Array(r)}catch{}return Ca(t)}async function Sa(t,r){try{var o=await ka(t);return await WebAssembly.instantiate(o,r)}catch(l){S(`failed to asynchronously prepare wasm: ${l}`),jt(l)}}async function Ta(t,r,o){if(!t)try{var l=fetch(r,{credentials:"same-origin"});return await WebAssembly.instantiateStreaming(l,o)}catch(c){S(`wasm streaming compile failed: ${c}`),S("falling back to ArrayBuffer instantiation")}return Sa(r,o)}function Ma(){return{a:gn}}async function Ra(){function t(c){return $t=c.exports,vn($t),Sr(),$t}function r(c){return t(c.instance)}var o=Ma(),l=s.instantiateWasm;return l?new Promise(c=>{l(o,u=>c(t(u)))}):(ot!=null||(ot=Ea()),r(await Ta(F,ot,o)))}class Tr{constructor(r){jo(this,"name","ExitStatus"),this.message=`Program terminated with exit(${r})`,this.status=r}}var ye,Mr=t=>{for(;t.length>0;)t.shift()(s)},Rr=[],Pr=[],Vt=!0,R=t=>di(t),P=()=>pi(),Lr=[],T=t=>{var r=Lr[t];return r||(Lr[t]=r=fi.get(t)),r},Pa=(t,r)=>T(t)(r),We=[],qt=0,j;class Wt{set_type(r){j[this.ptr+4>>2]=r}get_type(){return j[this.ptr+4>>2]}set_destructor(r){j[this.ptr+8>>2]=r}get_destructor(){return j[this.ptr+8>>2]}set_caught(r){r=+!!r,ye[this.ptr+12]=r}get_caught(){return ye[this.ptr+12]!=0}set_rethrown(r){r=+!!r,ye[this.ptr+13]=r}get_rethrown(){return ye[this.ptr+13]!=0}init(r,o){this.set_adjusted_ptr(0),this.set_type(r),this.set_destructor(o)}set_adjusted_ptr(r){j[this.ptr+16>>2]=r}get_adjusted_ptr(){return j[this.ptr+16>>2]}constructor(r){this.excPtr=r,this.ptr=r-24}}var La=t=>{var r=new Wt(t);return r.get_caught()||(r.set_caught(!0),qt--),r.set_rethrown(!1),We.push(r),ni(t)},Ee=null,Oa=()=>{M(0,0);var t=We.pop();ui(t.excPtr),Ee=null},lt=t=>li(t),Gt=t=>{var r=Ee?.excPtr;if(!r)return lt(0),0;var o=new Wt(r);o.set_adjusted_ptr(r);var l=o.get_type();if(!l)return lt(0),r;for(var c of t){if(!c||c===l)break;var u=o.ptr+16;if(hi(c,l,u))return lt(c),r}return lt(l),r},Ha=()=>Gt([]),Ia=t=>Gt([t]),za=(t,r)=>Gt([t,r]),Or=t=>{throw t},Na=()=>{We.length||jt("no exception to throw");var t=We[We.length-1],r=t.excPtr;t.set_rethrown(!0),t.set_caught(!1),qt++,sr(r),r=Ee=new Ut(r),Or(r)},Ba=(t,r,o)=>{new Wt(t).init(r,o),sr(t),t=Ee=new Ut(t),qt++,Or(t)},Fa=t=>{throw t},Da=t=>{t=Ee??(Ee=new Ut(t)),Fa(t)},Ua=()=>jt(""),dt={},Qt=t=>{for(;t.length;){var r=t.pop();t.pop()(r)}};function Ge(t){return this.fromWireType(j[t>>2])}var Be={},Me={},ct={};class ja extends Error{constructor(r){super(r),this.name="InternalError"}}var pt=t=>{throw new ja(t)},Ce=(t,r,o)=>{t.forEach(m=>ct[m]=r);function l(m){var y=o(m);y.length!==t.length&&pt("Mismatched type converter count");for(var $=0;$<t.length;++$)ue(t[$],y[$])}var c=Array(r.length),u=[],h=0;for(let[m,y]of r.entries())Me.hasOwnProperty(y)?c[m]=Me[y]:(u.push(y),Be.hasOwnProperty(y)||(Be[y]=[]),Be[y].push(()=>{c[m]=Me[y],++h,h===u.length&&l(c)}));u.length===0&&l(c)},Va=t=>ci(t),oe,qa=(t,r)=>oe.fill(0,t,t+r),Wa=t=>{var r=dt[t];delete dt[t];var o=r.rawConstructor,l=r.rawDestructor,c=r.valueSize,u=r.isTrivial,h=r.fields,m=h.map(y=>y.getterReturnType).concat(h.map(y=>y.setterArgumentType));Ce([t],m,y=>{var $={};for(var[E,N]of h.entries()){let z=y[E],O=N.getter,B=N.getterContext,V=y[E+h.length],re=N.setter,me=N.setterContext;var Q=V.destructorFunction===null&&!V.argStackAlloc?(q,ae)=>re(me,q,V.toWireType(null,ae)):(q,ae)=>{var Re=[];re(me,q,V.toWireType(Re,ae)),Qt(Re)};$[N.fieldName]={read:q=>z.fromWireType(O(B,q)),write:Q,optional:z.optional}}return[{name:r.name,fromWireType:z=>{var O={};for(var B in $)O[B]=$[B].read(z);return l(z),O},toWireType:(z,O)=>{for(var B in $)if(!(B in O)&&!$[B].optional)throw TypeError(`Missing field: "${B}"`);var V;for(B in u&&!z?(V=Va(c),qa(V,c)):(V=o(),z&&z.push(l,V)),$)$[B].write(V,O[B]);return V},readValueFromPointer:Ge,destructorFunction:u?null:l,argStackAlloc:u}]})},Ga=(t,r,o,l,c)=>{},X=t=>{for(var r="";;){var o=oe[t++];if(!o)return r;r+=String.fromCharCode(o)}};class Qe extends Error{constructor(r){super(r),this.name="BindingError"}}var L=t=>{throw new Qe(t)};function Qa(t,r){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:{};var l=r.name;if(t||L(`type "${l}" must have a positive integer typeid pointer`),Me.hasOwnProperty(t)){if(o.ignoreDuplicateRegistrations)return;L(`Cannot register type '${l}' twice`)}if(Me[t]=r,delete ct[t],Be.hasOwnProperty(t)){var c=Be[t];delete Be[t],c.forEach(u=>u())}}function ue(t,r){return Qa(t,r,arguments.length>2&&arguments[2]!==void 0?arguments[2]:{})}var Ka=(t,r,o,l)=>{r=X(r),ue(t,{name:r,fromWireType:function(c){return!!c},toWireType:function(c,u){return u?o:l},readValueFromPointer:function(c){return this.fromWireType(oe[c])},destructorFunction:null})},Za=t=>({count:t.count,deleteScheduled:t.deleteScheduled,preservePointerOnDelete:t.preservePointerOnDelete,ptr:t.ptr,ptrType:t.ptrType,smartPtr:t.smartPtr,smartPtrType:t.smartPtrType}),Kt=t=>{function r(o){return o.$$.ptrType.registeredClass.name}L(r(t)+" instance already deleted")},Zt=!1,Hr=t=>{},Xa=t=>{t.smartPtr?t.smartPtrType.rawDestructor(t.smartPtr):t.ptrType.registeredClass.rawDestructor(t.ptr)},Ir=t=>{--t.count.value,t.count.value===0&&Xa(t)},Ke=t=>globalThis.FinalizationRegistry?(Zt=new FinalizationRegistry(r=>{Ir(r.$$)}),Ke=r=>{var o=r.$$;if(o.smartPtr){var l={$$:o};Zt.register(r,l,r)}return r},Hr=r=>Zt.unregister(r),Ke(t)):(Ke=r=>r,t),ut=[],Ja=()=>{for(;ut.length;){var t=ut.pop();t.$$.deleteScheduled=!1,t.delete()}},zr,Ya=()=>{let t=ht.prototype;Object.assign(t,{isAliasOf(o){if(!(this instanceof ht)||!(o instanceof ht))return!1;var l=this.$$.ptrType.registeredClass,c=this.$$.ptr;o.$$=o.$$;for(var u=o.$$.ptrType.registeredClass,h=o.$$.ptr;l.baseClass;)c=l.upcast(c),l=l.baseClass;for(;u.baseClass;)h=u.upcast(h),u=u.baseClass;return l===u&&c===h},clone(){if(this.$$.ptr||Kt(this),this.$$.preservePointerOnDelete)return this.$$.count.value+=1,this;var o=Ke(Object.create(Object.getPrototypeOf(this),{$$:{value:Za(this.$$)}}));return o.$$.count.value+=1,o.$$.deleteScheduled=!1,o},delete(){this.$$.ptr||Kt(this),this.$$.deleteScheduled&&!this.$$.preservePointerOnDelete&&L("Object already scheduled for deletion"),Hr(this),Ir(this.$$),this.$$.preservePointerOnDelete||(this.$$.smartPtr=void 0,this.$$.ptr=void 0)},isDeleted(){return!this.$$.ptr},deleteLater(){return this.$$.ptr||Kt(this),this.$$.deleteScheduled&&!this.$$.preservePointerOnDelete&&L("Object already scheduled for deletion"),ut.push(this),ut.length===1&&zr&&zr(Ja),this.$$.deleteScheduled=!0,this}});let r=Symbol.dispose;r&&(t[r]=t.delete)};function ht(){}var Xt=(t,r)=>Object.defineProperty(r,"name",{value:t}),Nr={},Br=(t,r,o)=>{if(t[r].overloadTable===void 0){var l=t[r];t[r]=function(){var c=[...arguments];return t[r].overloadTable.hasOwnProperty(c.length)||L(`Function '${o}' called with an invalid number of arguments (${c.length}) - expects one of (${t[r].overloadTable})!`),t[r].overloadTable[c.length].apply(this,c)},t[r].overloadTable=[],t[r].overloadTable[l.argCount]=l}},Fr=(t,r,o)=>{s.hasOwnProperty(t)?((o===void 0||s[t].overloadTable!==void 0&&s[t].overloadTable[o]!==void 0)&&L(`Cannot register public name '${t}' twice`),Br(s,t,t),s[t].overloadTable.hasOwnProperty(o)&&L(`Cannot register multiple overloads of a function with the same number of arguments (${o})!`),s[t].overloadTable[o]=r):(s[t]=r,s[t].argCount=o)},es=48,ts=57,rs=t=>{t=t.replace(/[^a-zA-Z0-9_]/g,"$");var r=t.charCodeAt(0);return r>=es&&r<=ts?`_${t}`:t};function is(t,r,o,l,c,u,h,m){this.name=t,this.constructor=r,this.instancePrototype=o,this.rawDestructor=l,this.baseClass=c,this.getActualType=u,this.upcast=h,this.downcast=m,this.pureVirtualFunctions=[]}var Jt=(t,r,o)=>{for(;r!==o;)r.upcast||L(`Expected null or instance of ${o.name}, got an instance of ${r.name}`),t=r.upcast(t),r=r.baseClass;return t},Yt=t=>{if(t===null)return"null";var r=typeof t;return r==="object"||r==="array"||r==="function"?t.toString():""+t};function as(t,r){if(r===null)return this.isReference&&L(`null is not a valid ${this.name}`),0;r.$$||L(`Cannot pass "${Yt(r)}" as a ${this.name}`),r.$$.ptr||L(`Cannot pass deleted object as a pointer of type ${this.name}`);var o=r.$$.ptrType.registeredClass;return Jt(r.$$.ptr,o,this.registeredClass)}function ss(t,r){var o;if(r===null)return this.isReference&&L(`null is not a valid ${this.name}`),this.isSmartPointer?(o=this.rawConstructor(),t!==null&&t.push(this.rawDestructor,o),o):0;(!r||!r.$$)&&L(`Cannot pass "${Yt(r)}" as a ${this.name}`),r.$$.ptr||L(`Cannot pass deleted object as a pointer of type ${this.name}`),!this.isConst&&r.$$.ptrType.isConst&&L(`Cannot convert argument of type ${r.$$.smartPtrType?r.$$.smartPtrType.name:r.$$.ptrType.name} to parameter type ${this.name}`);var l=r.$$.ptrType.registeredClass;if(o=Jt(r.$$.ptr,l,this.registeredClass),this.isSmartPointer)switch(r.$$.smartPtr===void 0&&L("Passing raw pointer to smart pointer is illegal"),this.sharingPolicy){case 0:r.$$.smartPtrType===this?o=r.$$.smartPtr:L(`Cannot convert argument of type ${r.$$.smartPtrType?r.$$.smartPtrType.name:r.$$.ptrType.name} to parameter type ${this.name}`);break;case 1:o=r.$$.smartPtr;break;case 2:if(r.$$.smartPtrType===this)o=r.$$.smartPtr;else{var c=r.clone();o=this.rawShare(o,he.toHandle(()=>c.delete())),t!==null&&t.push(this.rawDestructor,o)}break;default:L("Unsupported sharing policy")}return o}function ns(t,r){if(r===null)return this.isReference&&L(`null is not a valid ${this.name}`),0;r.$$||L(`Cannot pass "${Yt(r)}" as a ${this.name}`),r.$$.ptr||L(`Cannot pass deleted object as a pointer of type ${this.name}`),r.$$.ptrType.isConst&&L(`Cannot convert argument of type ${r.$$.ptrType.name} to parameter type ${this.name}`);var o=r.$$.ptrType.registeredClass;return Jt(r.$$.ptr,o,this.registeredClass)}var Dr=(t,r,o)=>{if(r===o)return t;if(o.baseClass===void 0)return null;var l=Dr(t,r,o.baseClass);return l===null?null:o.downcast(l)},os={},ls=(t,r)=>{for(r===void 0&&L("ptr should not be undefined");t.baseClass;)r=t.upcast(r),t=t.baseClass;return r},ds=(t,r)=>(r=ls(t,r),os[r]),mt=(t,r)=>((!r.ptrType||!r.ptr)&&pt("makeClassHandle requires ptr and ptrType"),!!r.smartPtrType!=!!r.smartPtr&&pt("Both smartPtrType and smartPtr must be specified"),r.count={value:1},Ke(Object.create(t,{$$:{value:r,writable:!0}})));function cs(t){var r=this.getPointee(t);if(!r)return this.destructor(t),null;var o=ds(this.registeredClass,r);if(o!==void 0){if(o.$$.count.value===0)return o.$$.ptr=r,o.$$.smartPtr=t,o.clone();var l=o.clone();return this.destructor(t),l}function c(){return this.isSmartPointer?mt(this.registeredClass.instancePrototype,{ptrType:this.pointeeType,ptr:r,smartPtrType:this,smartPtr:t}):mt(this.registeredClass.instancePrototype,{ptrType:this,ptr:t})}var u=Nr[this.registeredClass.getActualType(r)];if(!u)return c.call(this);var h=this.isConst?u.constPointerType:u.pointerType,m=Dr(r,this.registeredClass,h.registeredClass);return m===null?c.call(this):this.isSmartPointer?mt(h.registeredClass.instancePrototype,{ptrType:h,ptr:m,smartPtrType:this,smartPtr:t}):mt(h.registeredClass.instancePrototype,{ptrType:h,ptr:m})}var ps=()=>{Object.assign(ft.prototype,{getPointee(t){return this.rawGetPointee&&(t=this.rawGetPointee(t)),t},destructor(t){var r,o;(r=(o=this).rawDestructor)==null||r.call(o,t)},readValueFromPointer:Ge,fromWireType:cs})};function ft(t,r,o,l,c,u,h,m,y,$,E){this.name=t,this.registeredClass=r,this.isReference=o,this.isConst=l,this.isSmartPointer=c,this.pointeeType=u,this.sharingPolicy=h,this.rawGetPointee=m,this.rawConstructor=y,this.rawShare=$,this.rawDestructor=E,!c&&r.baseClass===void 0?l?(this.toWireType=as,this.destructorFunction=null):(this.toWireType=ns,this.destructorFunction=null):this.toWireType=ss}var Ur=(t,r,o)=>{s.hasOwnProperty(t)||pt("Replacing nonexistent public symbol"),s[t].overloadTable!==void 0&&o!==void 0?s[t].overloadTable[o]=r:(s[t]=r,s[t].argCount=o)},jr={},us=(t,r,o)=>{t=t.replace(/p/g,"i");var l=jr[t];return l(r,...o)},hs=function(t,r){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:[];if(arguments.length>3&&arguments[3]!==void 0&&arguments[3],t.includes("j"))return us(t,r,o);var l=T(r)(...o);function c(u){return u}return l},ms=function(t,r){let o=arguments.length>2&&arguments[2]!==void 0&&arguments[2];return function(){return hs(t,r,[...arguments],o)}},le=function(t,r){arguments.length>2&&arguments[2]!==void 0&&arguments[2],t=X(t);function o(){return t.includes("j")?ms(t,r):T(r)}var l=o();return typeof l!="function"&&L(`unknown function pointer with signature ${t}: ${r}`),l};class fs extends Error{}var Vr=t=>{var r=si(t),o=X(r);return be(r),o},vt=(t,r)=>{var o=[],l={};function c(u){if(!l[u]&&!Me[u]){if(ct[u]){ct[u].forEach(c);return}o.push(u),l[u]=!0}}throw r.forEach(c),new fs(`${t}: `+o.map(Vr).join([", "]))},vs=(t,r,o,l,c,u,h,m,y,$,E,N,Q)=>{E=X(E),u=le(c,u),m&&(m=le(h,m)),$&&($=le(y,$)),Q=le(N,Q);var z=rs(E);Fr(z,function(){vt(`Cannot construct ${E} due to unbound types`,[l])}),Ce([t,r,o],l?[l]:[],O=>{O=O[0];var B,V;l?(B=O.registeredClass,V=B.instancePrototype):V=ht.prototype;var re=Xt(E,function(){var fe=[...arguments];if(Object.getPrototypeOf(this)!==me)throw new Qe(`Use 'new' to construct ${E}`);if(q.constructor_body===void 0)throw new Qe(`${E} has no accessible constructor`);var _t=q.constructor_body[fe.length];if(_t===void 0)throw new Qe(`Tried to invoke ctor of ${E} with invalid number of parameters (${fe.length}) - expected (${Object.keys(q.constructor_body).toString()}) parameters instead!`);return _t.apply(this,fe)}),me=Object.create(V,{constructor:{value:re}});re.prototype=me;var q=new is(E,re,me,Q,B,u,m,$);if(q.baseClass){var ae;(ae=q.baseClass).__derivedClasses!=null||(ae.__derivedClasses=[]),q.baseClass.__derivedClasses.push(q)}var Re=new ft(E,q,!0,!1,!1),wt=new ft(E+"*",q,!1,!1,!1),xt=new ft(E+" const*",q,!1,!0,!1);return Nr[t]={pointerType:wt,constPointerType:xt},Ur(z,re),[Re,wt,xt]})},er=(t,r)=>{for(var o=[],l=0;l<t;l++)o.push(j[r+l*4>>2]);return o};function gs(t){for(var r=1;r<t.length;++r)if(t[r]!==null&&t[r].destructorFunction===void 0)return!0;return!1}function ys(t){for(var r=1;r<t.length;++r)if(t[r]!==null&&t[r].argStackAlloc)return!0;return!1}function tr(t,r,o,l,c,u){var h=r.length;h<2&&L("argTypes array size mismatch! Must at least get return value and receiver (this) types!");var m=r[1]!==null&&o!==null,y=gs(r),$=ys(r),E=$&&!u&&!y;$&&!E&&(y=!0);var N=!r[0].isVoid,Q=h-2,z=Array(Q),O=[],B=[];return Xt(t,function(){var V=[...arguments];B.length=0;var re;E&&(re=P());var me,q;try{O.length=m?2:1,O[0]=c,m&&(me=r[1].toWireType(B,this),O[1]=me);for(var ae=0;ae<Q;++ae){var Re=r[ae+2];z[ae]=Re.toWireType(E&&Re.argStackAlloc?null:B,V[ae]),O.push(z[ae])}q=l(...O)}finally{E&&R(re)}function wt(xt){if(y)Qt(B);else for(var fe=m?1:2;fe<r.length;fe++){var _t=fe===1?me:z[fe-2];r[fe].destructorFunction!==null&&r[fe].destructorFunction(_t)}if(N)return r[0].fromWireType(xt)}return wt(q)})}var bs=(t,r,o,l,c,u)=>{var h=er(r,o);c=le(l,c),Ce([],[t],m=>{m=m[0];var y=`constructor ${m.name}`;if(m.registeredClass.constructor_body===void 0&&(m.registeredClass.constructor_body=[]),m.registeredClass.constructor_body[r-1]!==void 0)throw new Qe(`Cannot register multiple constructors with identical number of parameters (${r-1}) for class '${m.name}'! Overload resolution is currently only performed using the parameter count, not actual type info!`);return m.registeredClass.constructor_body[r-1]=()=>{vt(`Cannot construct ${m.name} due to unbound types`,h)},Ce([],h,$=>($.splice(1,0,null),m.registeredClass.constructor_body[r-1]=tr(y,$,null,c,u),[])),[]})},qr=t=>{t=t.trim();let r=t.indexOf("(");return r===-1?t:t.slice(0,r)},$s=(t,r,o,l,c,u,h,m,y,$)=>{var E=er(o,l);r=X(r),r=qr(r),u=le(c,u,y),Ce([],[t],N=>{N=N[0];var Q=`${N.name}.${r}`;r.startsWith("@@")&&(r=Symbol[r.substring(2)]),m&&N.registeredClass.pureVirtualFunctions.push(r);function z(){vt(`Cannot call ${Q} due to unbound types`,E)}var O=N.registeredClass.instancePrototype,B=O[r];return B===void 0||B.overloadTable===void 0&&B.className!==N.name&&B.argCount===o-2?(z.argCount=o-2,z.className=N.name,O[r]=z):(Br(O,r,Q),O[r].overloadTable[o-2]=z),Ce([],E,V=>{var re=tr(Q,V,N,u,h,y);return O[r].overloadTable===void 0?(re.argCount=o-2,O[r]=re):O[r].overloadTable[o-2]=re,[]}),[]})},Wr=[],ke=[0,1,,1,null,1,!0,1,!1,1],Gr=[],rr=t=>{if(t>9&&--ke[t+1]===0){var r=ke[t];ke[t]=void 0;var o=Gr[t];o&&(Gr[t]=void 0,o(r)),Wr.push(t)}},he={toValue:t=>(t||L(`Cannot use deleted val. handle = ${t}`),ke[t]),toHandle:t=>{switch(t){case void 0:return 2;case null:return 4;case!0:return 6;case!1:return 8;default:{let r=Wr.pop()||ke.length;return ke[r]=t,ke[r+1]=1,r}}}},Qr={name:"emscripten::val",fromWireType:t=>{var r=he.toValue(t);return rr(t),r},toWireType:(t,r)=>he.toHandle(r),readValueFromPointer:Ge,destructorFunction:null},ws=t=>ue(t,Qr),Kr,Zr,xs=(t,r)=>{switch(r){case 4:return function(o){return this.fromWireType(Kr[o>>2])};case 8:return function(o){return this.fromWireType(Zr[o>>3])};default:throw TypeError(`invalid float width (${r}): ${t}`)}},_s=(t,r,o)=>{r=X(r),ue(t,{name:r,fromWireType:l=>l,toWireType:(l,c)=>c,readValueFromPointer:xs(r,o),destructorFunction:null})},As=(t,r,o,l,c,u,h,m)=>{var y=er(r,o);t=X(t),t=qr(t),c=le(l,c,h),Fr(t,function(){vt(`Cannot call ${t} due to unbound types`,y)},r-1),Ce([],y,$=>{var E=[$[0],null].concat($.slice(1));return Ur(t,tr(t,E,null,c,u,h),r-1),[]})},gt,Ze,yt,Es=(t,r,o)=>{switch(r){case 1:return o?l=>ye[l]:l=>oe[l];case 2:return o?l=>gt[l>>1]:l=>Ze[l>>1];case 4:return o?l=>yt[l>>2]:l=>j[l>>2];default:throw TypeError(`invalid integer width (${r}): ${t}`)}},Cs=(t,r,o,l,c)=>{r=X(r);let u=l===0,h=y=>y;if(u){var m=32-8*o;h=y=>y<<m>>>m,c=h(c)}ue(t,{name:r,fromWireType:h,toWireType:(y,$)=>$,readValueFromPointer:Es(r,o,l!==0),destructorFunction:null})},ks=(t,r,o)=>{let l=(c,u)=>{let h=0;return{next(){if(h>=c)return{done:!0};let m=h;return h++,{value:u(m),done:!1}},[Symbol.iterator](){return this}}};t[Symbol.iterator]||(t[Symbol.iterator]=function(){let c=this[r]();return l(c,u=>this[o](u))})},Ss=(t,r,o,l)=>{o=X(o),l=X(l),Ce([],[t,r],c=>{let u=c[0];return ks(u.registeredClass.instancePrototype,o,l),[]})},Ts=(t,r,o)=>{var l=[Int8Array,Uint8Array,Int16Array,Uint16Array,Int32Array,Uint32Array,Float32Array,Float64Array][r];function c(u){var h=j[u>>2],m=j[u+4>>2];return new l(ye.buffer,m,h)}o=X(o),ue(t,{name:o,fromWireType:c,readValueFromPointer:c},{ignoreDuplicateRegistrations:!0})},Ms=Object.assign({optional:!0},Qr),Rs=(t,r)=>{ue(t,Ms)},Ps=(t,r,o,l)=>{if(!(l>0))return 0;for(var c=o,u=o+l-1,h=0;h<t.length;++h){var m=t.codePointAt(h);if(m<=127){if(o>=u)break;r[o++]=m}else if(m<=2047){if(o+1>=u)break;r[o++]=192|m>>6,r[o++]=128|m&63}else if(m<=65535){if(o+2>=u)break;r[o++]=224|m>>12,r[o++]=128|m>>6&63,r[o++]=128|m&63}else{if(o+3>=u)break;r[o++]=240|m>>18,r[o++]=128|m>>12&63,r[o++]=128|m>>6&63,r[o++]=128|m&63,h++}}return r[o]=0,o-c},Ls=(t,r,o)=>Ps(t,oe,r,o),Os=t=>{for(var r=0,o=0;o<t.length;++o){var l=t.charCodeAt(o);l<=127?r++:l<=2047?r+=2:l>=55296&&l<=57343?(r+=4,++o):r+=3}return r},Xr=globalThis.TextDecoder&&new TextDecoder,Jr=(t,r,o,l)=>{var c=r+o;if(l)return c;for(;t[r]&&!(r>=c);)++r;return r},Hs=function(t){let r=arguments.length>1&&arguments[1]!==void 0?arguments[1]:0,o=arguments.length>2?arguments[2]:void 0,l=arguments.length>3?arguments[3]:void 0;var c=Jr(t,r,o,l);if(c-r>16&&t.buffer&&Xr)return Xr.decode(t.subarray(r,c));for(var u="";r<c;){var h=t[r++];if(!(h&128)){u+=String.fromCharCode(h);continue}var m=t[r++]&63;if((h&224)==192){u+=String.fromCharCode((h&31)<<6|m);continue}var y=t[r++]&63;if(h=(h&240)==224?(h&15)<<12|m<<6|y:(h&7)<<18|m<<12|y<<6|t[r++]&63,h<65536)u+=String.fromCharCode(h);else{var $=h-65536;u+=String.fromCharCode(55296|$>>10,56320|$&1023)}}return u},Is=(t,r,o)=>t?Hs(oe,t,r,o):"",zs=(t,r)=>{r=X(r);var o=!0;ue(t,{name:r,fromWireType(l){var c=j[l>>2],u=l+4,h;if(o)h=Is(u,c,!0);else{h="";for(var m=0;m<c;++m)h+=String.fromCharCode(oe[u+m])}return be(l),h},toWireType(l,c){c instanceof ArrayBuffer&&(c=new Uint8Array(c));var u,h=typeof c=="string";h||ArrayBuffer.isView(c)&&c.BYTES_PER_ELEMENT==1||L("Cannot pass non-string to std::string"),u=o&&h?Os(c):c.length;var m=ar(4+u+1),y=m+4;if(j[m>>2]=u,h)if(o)Ls(c,y,u+1);else for(var $=0;$<u;++$){var E=c.charCodeAt($);E>255&&(be(m),L("String has UTF-16 code units that do not fit in 8 bits")),oe[y+$]=E}else oe.set(c,y);return l!==null&&l.push(be,m),m},readValueFromPointer:Ge,destructorFunction(l){be(l)}})},Yr=globalThis.TextDecoder?new TextDecoder("utf-16le"):void 0,Ns=(t,r,o)=>{var l=t>>1,c=Jr(Ze,l,r/2,o);if(c-l>16&&Yr)return Yr.decode(Ze.subarray(l,c));for(var u="",h=l;h<c;++h){var m=Ze[h];u+=String.fromCharCode(m)}return u},Bs=function(t,r){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:2147483647;if(o<2)return 0;o-=2;for(var l=r,c=o<t.length*2?o/2:t.length,u=0;u<c;++u){var h=t.charCodeAt(u);gt[r>>1]=h,r+=2}return gt[r>>1]=0,r-l},Fs=t=>t.length*2,Ds=(t,r,o)=>{for(var l="",c=t>>2,u=0;!(u>=r/4);u++){var h=j[c+u];if(!h&&!o)break;l+=String.fromCodePoint(h)}return l},Us=function(t,r){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:2147483647;if(o<4)return 0;for(var l=r,c=l+o-4,u=0;u<t.length;++u){var h=t.codePointAt(u);if(h>65535&&u++,yt[r>>2]=h,r+=4,r+4>c)break}return yt[r>>2]=0,r-l},js=t=>{for(var r=0,o=0;o<t.length;++o)t.codePointAt(o)>65535&&o++,r+=4;return r},Vs=(t,r,o)=>{o=X(o);var l,c,u;r===2?(l=Ns,c=Bs,u=Fs):(l=Ds,c=Us,u=js),ue(t,{name:o,fromWireType:h=>{var m=j[h>>2],y=l(h+4,m*r,!0);return be(h),y},toWireType:(h,m)=>{typeof m!="string"&&L(`Cannot pass non-string to C++ string type ${o}`);var y=u(m),$=ar(4+y+r);return j[$>>2]=y/r,c(m,$+4,y+r),h!==null&&h.push(be,$),$},readValueFromPointer:Ge,destructorFunction(h){be(h)}})},qs=(t,r,o,l,c,u,h,m)=>{dt[t]={name:X(r),rawConstructor:le(o,l),rawDestructor:le(c,u),valueSize:h,isTrivial:!!m,fields:[]}},Ws=(t,r,o,l,c,u,h,m,y,$)=>{dt[t].fields.push({fieldName:X(r),getterReturnType:o,getter:le(l,c),getterContext:u,setterArgumentType:h,setter:le(m,y),setterContext:$})},Gs=(t,r)=>{r=X(r),ue(t,{isVoid:!0,name:r,fromWireType:()=>{},toWireType:(o,l)=>{}})},ei=0,Qs=()=>{Vt=!1,ei=0},ir=[],Ks=t=>{var r=ir.length;return ir.push(t),r},Zs=(t,r)=>{var o=Me[t];return o===void 0&&L(`${r} has unknown type ${Vr(t)}`),o},Xs=(t,r)=>{for(var o=Array(t),l=0;l<t;++l)o[l]=Zs(j[r+l*4>>2],`parameter ${l}`);return o},Js=(t,r,o)=>{var l=[],c=t(l,o);return l.length&&(j[r>>2]=he.toHandle(l)),c},Ys={},ti=t=>{var r=Ys[t];return r===void 0?X(t):r},en=(t,r,o)=>{var[l,...c]=Xs(t,r),u=l.toWireType.bind(l),h=c.map(y=>y.readValueFromPointer.bind(y));t--;var m=Array(t);return Ks(Xt(`methodCaller<(${c.map(y=>y.name)}) => ${l.name}>`,(y,$,E,N)=>{for(var Q=0,z=0;z<t;++z)m[z]=h[z](N+Q),Q+=8;var O;switch(o){case 0:O=he.toValue(y).apply(null,m);break;case 2:O=Reflect.construct(he.toValue(y),m);break;case 3:O=m[0];break;case 1:O=he.toValue(y)[ti($)](...m)}return Js(u,E,O)}))},tn=t=>t?(t=ti(t),he.toHandle(globalThis[t])):he.toHandle(globalThis),rn=t=>{t>9&&(ke[t+1]+=1)},an=(t,r,o,l,c)=>ir[t](r,o,l,c),sn=t=>{Qt(he.toValue(t)),rr(t)},Xe={},ri=t=>{if(t instanceof Tr||t=="unwind")return Ae;f(1,t)},ii=()=>Vt||ei>0,ai=t=>{if(Ae=t,!ii()){var r;(r=s.onExit)==null||r.call(s,t),te=!0}f(t,new Tr(t))},nn=(t,r)=>{Ae=t,ai(t)},on=()=>{if(!ii())try{nn(Ae)}catch(t){ri(t)}},ln=function(t){var r=[...arguments].slice(1);if(!te)try{return t(...r)}catch(o){ri(o)}finally{on()}},dn=()=>performance.now(),cn=(t,r)=>(Xe[t]&&(clearTimeout(Xe[t].id),delete Xe[t]),r&&(Xe[t]={id:setTimeout(()=>{delete Xe[t],ln(oi,t,dn())},r),timeout_ms:r}),0),pn=()=>2147483648,un=(t,r)=>Math.ceil(t/r)*r,hn=t=>{var r=(t-bt.buffer.byteLength+65535)/65536|0;try{return bt.grow(r),Sr(),1}catch{}},mn=t=>{var r=oe.length;t>>>=0;var o=pn();if(t>o)return!1;for(var l=1;l<=4;l*=2){var c=r*(1+.2/l);if(c=Math.min(c,t+100663296),hn(Math.min(o,un(Math.max(t,c),65536))))return!0}return!1},fn=t=>t;Ya(),ps(),s.noExitRuntime&&(Vt=s.noExitRuntime),s.print&&s.print,s.printErr&&(S=s.printErr),s.wasmBinary&&(F=s.wasmBinary),s.arguments&&s.arguments,s.thisProgram&&s.thisProgram;var Fe=s.preInit;if(Fe)for(typeof Fe=="function"&&(s.preInit=Fe=[Fe]);Fe.length>0;)Fe.shift()();var si,ar,be,ni,oi,M,li,di,ci,pi,sr,ui,hi,mi,bt,fi;function vn(t){si=t.sa,ar=s._malloc=t.ta,be=s._free=t.ua,ni=t.va,oi=t.xa,M=t.ya,li=t.za,di=t.Aa,ci=t.Ba,pi=t.Ca,sr=t.Da,ui=t.Ea,hi=t.Fa,mi=jr.iiij=t.Ga,bt=t.qa,fi=t.wa}var gn={aa:Pa,v:La,I:Oa,a:Ha,i:Ia,l:za,fa:Na,s:Ba,e:Da,ea:Ua,T:Wa,W:Ga,ia:Ka,pa:vs,oa:bs,E:$s,ga:ws,Q:_s,R:As,y:Cs,ka:Ss,u:Ts,S:Rs,ha:zs,L:Vs,C:qs,U:Ws,ja:Gs,da:Qs,na:en,ba:rr,B:tn,P:rn,ma:an,la:sn,_:cn,$:mn,Z:zn,N:Fn,A:Cn,b:bn,z:Bn,g:$n,D:In,h:En,k:Ln,o:Pn,K:Nn,O:Hn,H:An,G:Vn,V:Qn,c:xn,j:yn,X:qn,f:_n,M:Un,J:Gn,d:wn,F:Wn,m:Sn,Y:jn,n:Rn,t:Mn,x:On,q:Tn,r:Dn,p:kn,w:fn,ca:ai};function yn(t,r){var o=P();try{T(t)(r)}catch(l){if(R(o),!(l instanceof k))throw l;M(1,0)}}function bn(t,r){var o=P();try{return T(t)(r)}catch(l){if(R(o),!(l instanceof k))throw l;M(1,0)}}function $n(t,r,o){var l=P();try{return T(t)(r,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function wn(t,r,o,l){var c=P();try{T(t)(r,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function xn(t){var r=P();try{T(t)()}catch(o){if(R(r),!(o instanceof k))throw o;M(1,0)}}function _n(t,r,o){var l=P();try{T(t)(r,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function An(t,r,o,l,c,u,h,m){var y=P();try{return T(t)(r,o,l,c,u,h,m)}catch($){if(R(y),!($ instanceof k))throw $;M(1,0)}}function En(t,r,o,l){var c=P();try{return T(t)(r,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function Cn(t,r,o,l,c,u){var h=P();try{return T(t)(r,o,l,c,u)}catch(m){if(R(h),!(m instanceof k))throw m;M(1,0)}}function kn(t,r,o,l,c,u,h,m,y,$,E){var N=P();try{T(t)(r,o,l,c,u,h,m,y,$,E)}catch(Q){if(R(N),!(Q instanceof k))throw Q;M(1,0)}}function Sn(t,r,o,l,c){var u=P();try{T(t)(r,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function Tn(t,r,o,l,c,u,h,m,y){var $=P();try{T(t)(r,o,l,c,u,h,m,y)}catch(E){if(R($),!(E instanceof k))throw E;M(1,0)}}function Mn(t,r,o,l,c,u,h){var m=P();try{T(t)(r,o,l,c,u,h)}catch(y){if(R(m),!(y instanceof k))throw y;M(1,0)}}function Rn(t,r,o,l,c,u){var h=P();try{T(t)(r,o,l,c,u)}catch(m){if(R(h),!(m instanceof k))throw m;M(1,0)}}function Pn(t,r,o,l,c,u){var h=P();try{return T(t)(r,o,l,c,u)}catch(m){if(R(h),!(m instanceof k))throw m;M(1,0)}}function Ln(t,r,o,l,c){var u=P();try{return T(t)(r,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function On(t,r,o,l,c,u,h,m){var y=P();try{T(t)(r,o,l,c,u,h,m)}catch($){if(R(y),!($ instanceof k))throw $;M(1,0)}}function Hn(t,r,o,l,c,u,h){var m=P();try{return T(t)(r,o,l,c,u,h)}catch(y){if(R(m),!(y instanceof k))throw y;M(1,0)}}function In(t,r,o,l,c){var u=P();try{return T(t)(r,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function zn(t,r,o){var l=P();try{return T(t)(r,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function Nn(t,r,o,l,c,u,h){var m=P();try{return T(t)(r,o,l,c,u,h)}catch(y){if(R(m),!(y instanceof k))throw y;M(1,0)}}function Bn(t,r,o,l){var c=P();try{return T(t)(r,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function Fn(t,r,o,l){var c=P();try{return T(t)(r,o,l)}catch(u){if(R(c),!(u instanceof k))throw u;M(1,0)}}function Dn(t,r,o,l,c,u,h,m,y,$){var E=P();try{T(t)(r,o,l,c,u,h,m,y,$)}catch(N){if(R(E),!(N instanceof k))throw N;M(1,0)}}function Un(t,r,o,l,c,u,h,m,y){var $=P();try{T(t)(r,o,l,c,u,h,m,y)}catch(E){if(R($),!(E instanceof k))throw E;M(1,0)}}function jn(t,r,o,l,c,u,h,m){var y=P();try{T(t)(r,o,l,c,u,h,m)}catch($){if(R(y),!($ instanceof k))throw $;M(1,0)}}function Vn(t,r,o,l,c,u,h,m,y){var $=P();try{return T(t)(r,o,l,c,u,h,m,y)}catch(E){if(R($),!(E instanceof k))throw E;M(1,0)}}function qn(t,r,o){var l=P();try{T(t)(r,o)}catch(c){if(R(l),!(c instanceof k))throw c;M(1,0)}}function Wn(t,r,o,l,c,u,h){var m=P();try{T(t)(r,o,l,c,u,h)}catch(y){if(R(m),!(y instanceof k))throw y;M(1,0)}}function Gn(t,r,o,l,c){var u=P();try{T(t)(r,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}function Qn(t,r,o,l,c){var u=P();try{return mi(t,r,o,l,c)}catch(h){if(R(u),!(h instanceof k))throw h;M(1,0)}}async function Kn(){var t;xa();var r=s.setStatus;r&&(r("Running..."),await new Promise(o=>setTimeout(o,1)),setTimeout(r,1,"")),!te&&(_a(),(t=s.onRuntimeInitialized)==null||t.call(s),Aa())}var $t=await Ra();return await Kn(),s}function Qi(n){return $r(Gi,n)}async function Ki(n,i){return Wi(Gi,n,i)}var Zi=!1;function Ji(){if(Zi)return;Zi=!0;let n=new URL("zxing_reader.wasm",import.meta.url).href;Qi({overrides:{locateFile:(i,e)=>i.endsWith(".wasm")?n:e+i}})}var Vo={QRCode:"qr_code",MicroQRCode:"qr_code",DataMatrix:"data_matrix"};async function Yi(n,i){Ji();let a=await Ki(n,{formats:["QRCode","DataMatrix"],tryHarder:i,tryRotate:i,tryInvert:i,tryDownscale:!0,maxNumberOfSymbols:1});for(let s of a){let d=Vo[s.format];if(s.isValid&&d&&s.text)return{text:s.text,format:d}}return null}async function ea(n){let i=await createImageBitmap(n);try{let e=Math.min(1,2e3/Math.max(i.width,i.height)),a=Math.max(1,Math.round(i.width*e)),s=Math.max(1,Math.round(i.height*e)),d=ta(a,s);return d.drawImage(i,0,0,a,s),await Yi(d.getImageData(0,0,a,s),!0)}finally{i.close()}}function ta(n,i){let e=document.createElement("canvas");e.width=n,e.height=i;let a=e.getContext("2d",{willReadFrequently:!0});if(!a)throw new Error("canvas 2d context unavailable");return a}function ra(){return window.isSecureContext&&!!navigator.mediaDevices?.getUserMedia}var zt=class{constructor(i,e,a){this.video=i;this.onRead=e;this.onError=a;this.frame=0;this.busy=!1;this.stopped=!1;this.paused=!1}async start(){Ji();let i=await navigator.mediaDevices.getUserMedia({video:{facingMode:"environment",width:{ideal:1280},height:{ideal:720}},audio:!1});if(this.stopped){Xi(i);return}this.stream=i,this.video.srcObject=i,this.video.muted=!0,this.video.setAttribute("playsinline",""),await this.video.play().catch(()=>{}),this.schedule()}pause(){this.paused=!0}resume(){this.paused=!1}get running(){return this.stream!==void 0&&!this.stopped}stop(){this.stopped=!0,cancelAnimationFrame(this.frame),this.stream&&(Xi(this.stream),this.stream=void 0),this.video.srcObject=null}schedule(){this.stopped||(this.frame=requestAnimationFrame(()=>this.tick()))}tick(){this.schedule();let i=this.video;if(this.busy||this.paused||i.readyState<2||!i.videoWidth)return;let e=i.videoWidth,a=i.videoHeight;(!this.context||this.context.canvas.width!==e||this.context.canvas.height!==a)&&(this.context=ta(e,a)),this.context.drawImage(i,0,0,e,a);let s=this.context.getImageData(0,0,e,a);this.busy=!0,Yi(s,!1).then(d=>{d&&!this.stopped&&!this.paused&&this.onRead(d)}).catch(d=>{this.stopped||(this.stop(),this.onError(d))}).finally(()=>{this.busy=!1})}};function Xi(n){for(let i of n.getTracks())i.stop()}var qo=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60],["second",1]],Wo=new Map,Go=new Map;function wr(n,i,e){let a=n.get(i);if(!a){try{a=e(i)}catch{a=e("en")}n.set(i,a)}return a}function ia(n){return qo.find(([,i])=>n>=i)??["second",1]}function aa(n,i,e){let a=Date.parse(n);if(Number.isNaN(a))return"";let s=Math.floor(Math.max(0,i-a)/1e3),d=wr(Wo,e,v=>new Intl.RelativeTimeFormat(v,{numeric:"auto"})),[p,f]=ia(s);return p==="second"&&s<10?d.format(0,"second"):d.format(-Math.floor(s/f),p)}function sa(n,i){let e=Date.parse(n);if(Number.isNaN(e))return 36e5;let a=Math.max(0,i-e),[,s]=ia(Math.floor(a/1e3)),d=Math.min(s,3600)*1e3;return d-a%d}function na(n,i){let e=Date.parse(n);return Number.isNaN(e)?n:wr(Go,i,s=>new Intl.DateTimeFormat(s,{dateStyle:"medium",timeStyle:"medium"})).format(e)}function oa(n,i){if(!n)return null;let e=Date.parse(n);return Number.isNaN(e)?null:Math.max(0,Math.ceil((e-i)/1e3))}function la(n){let i=Math.floor(n/3600),e=Math.floor(n%3600/60),a=n%60,s=i?String(e).padStart(2,"0"):String(e);return`${i?`${i}:`:""}${s}:${String(a).padStart(2,"0")}`}var Qo=new Map;function xr(n,i){let e=wr(Qo,i,s=>new Intl.NumberFormat(s,{maximumFractionDigits:1})),a=[["MiB",1024*1024],["KiB",1024]];for(let[s,d]of a)if(n>=d)return`${e.format(Math.floor(n/d*10)/10)} ${s}`;return`${e.format(n)} B`}var Ko={failed:0,admitting:1,pending:2,joined:3,revoked:4};function _r(n,i){return n.area_id&&i?.[n.area_id]?i[n.area_id].name:n.area??""}var Nt=class{constructor(){this.entries=new Map;this.version=0;this.viewKey="";this.viewCache=[]}apply(i){if(i.type==="snapshot"){this.entries.clear();for(let e of i.entries)this.entries.set(e.ieee,e);return this.version++,!0}if(i.type==="entries"){for(let e of i.removed)this.entries.delete(e);for(let e of i.changed)this.entries.set(e.ieee,e);return this.version++,!0}return!1}put(i){this.entries.set(i.ieee,i),this.version++}delete(i){this.entries.delete(i)&&this.version++}has(i){return this.entries.has(Ar(i))}view(i){let e=JSON.stringify([this.version,i.query,i.status,i.sort,i.descending]);if(e===this.viewKey&&i.areas===this.viewAreas)return this.viewCache;let a=i.query.trim().toLowerCase(),s=[];for(let p of this.entries.values()){if(i.status&&p.status!==i.status)continue;let f=_r(p,i.areas);a&&!(p.name??"").toLowerCase().includes(a)&&!p.ieee.includes(a)&&!p.ieee.replaceAll(":","").includes(a.replaceAll(":",""))&&!f.toLowerCase().includes(a)||s.push({entry:p,sortKey:Xo(p,i.sort,f)})}let d=i.descending?-1:1;return s.sort((p,f)=>{if(p.sortKey===""!=(f.sortKey===""))return p.sortKey===""?1:-1;let v=typeof p.sortKey=="number"&&typeof f.sortKey=="number"?p.sortKey-f.sortKey:Zo.compare(String(p.sortKey),String(f.sortKey));return v!==0?v*d:p.entry.ieee<f.entry.ieee?-1:1}),this.viewKey=e,this.viewAreas=i.areas,this.viewCache=s.map(p=>p.entry),this.viewCache}},Zo=new Intl.Collator(void 0,{sensitivity:"base",numeric:!0});function Xo(n,i,e){switch(i){case"name":return n.name??"";case"ieee":return n.ieee;case"area":return e;case"status":return Ko[n.status]??9;case"provider":return n.provider_title;case"updated":return Date.parse(n.updated_at)||0}}function Ar(n){let i=n.trim().toLowerCase().replace(/[^0-9a-f]/g,"");return i.length!==16?n.trim().toLowerCase():i.match(/../g).join(":")}var nt=["scan","photo","type","import"],Jo=2500,U=class extends D{constructor(){super(...arguments);this.tab="scan";this.opened=!1;this.pendingName="";this.pendingArea="";this.busy=!1;this.camera="off";this.cameraError="unavailable";this.fileNames={};this.importErrors=[];this.lastText="";this.lastTime=0}async open(e,a="scan"){this.opener=e,this.tab=a,this.message=void 0,this.opened=!0,je(this.hass),await this.updateComplete,this.dialog.open||this.dialog.showModal(),this.syncScanning()}close(){this.dialog?.open&&this.dialog.close()}disconnectedCallback(){super.disconnectedCallback(),this.stopScanning()}onClosed(){this.opened=!1,this.stopScanning(),this.pending=void 0,this.importErrors=[],this.fileNames={},this.lastText="",this.opener?.focus(),this.opener=void 0}updated(e){(e.has("tab")||e.has("opened"))&&this.syncScanning()}app(){return Bi(this.hass)}syncScanning(){if(!(this.opened&&this.tab==="scan")){this.stopScanning();return}if(this.app()){!this.companion?.scanning&&!this.pending&&this.openCompanion();return}if(this.scanner||this.camera==="failed")return;if(!ra()){this.camera="insecure";return}let a=this.video;if(!a)return;let s=new zt(a,d=>{this.onRead(d,"camera")},()=>{this.scanner=void 0,this.camera="failed",this.cameraError="unavailable"});this.scanner=s,this.camera="starting",s.start().then(()=>{this.scanner===s&&(this.camera="running",this.pending&&s.pause())},d=>{this.scanner===s&&(s.stop(),this.scanner=void 0,this.camera="failed",this.cameraError=Ni(d))})}stopScanning(){this.scanner?.stop(),this.scanner=void 0,this.camera!=="insecure"&&(this.camera="off"),this.cameraError="unavailable",this.companion?.close()}openCompanion(){let e=this.app();if(!e)return;this.companion??=new Ht(e,{onRead:(s,d)=>{if(!d){this.companion?.notify(this.localize("scan_wrong_format"));return}this.onRead({text:s,format:d},"app")},onAborted:s=>{s==="alternative_options"&&(this.tab="type")}});let a=this.localize;this.companion.open({title:a("scan_app_title"),description:a("scan_app_description"),alternative_option_label:a("scan_app_alternative")})}continueScanning(e){e==="camera"?this.scanner?.resume():e==="app"&&this.opened&&this.tab==="scan"&&!this.companion?.scanning&&this.openCompanion()}refuse(e,a){this.message={kind:"error",text:a},e==="app"&&this.companion?.notify(a),this.continueScanning(e)}async onRead(e,a){if(this.pending||this.busy&&a!=="photo")return;let s=Date.now();if(a!=="photo"&&e.text===this.lastText&&s-this.lastTime<Jo){this.lastTime=s;return}this.lastText=e.text,this.lastTime=s,this.scanner?.pause(),this.busy=!0;let d;try{d=await this.api.parse(e.text)}catch(p){this.busy=!1,this.refuse(a,await se(this.hass,p));return}if(this.busy=!1,this.store.has(d.ieee)){this.refuse(a,this.localize("already_listed",{ieee:Ar(d.ieee)}));return}this.opened&&(this.pending={text:e.text,parsed:d,source:a},this.pendingName="",this.pendingArea="",this.message=void 0,a==="app"&&this.companion?.close(),await this.updateComplete,this.renderRoot.querySelector("#read-name")?.focus())}async addPending(e){e.preventDefault();let a=this.pending;if(!(!a||this.busy)){this.busy=!0;try{let s=await this.api.add({qr_code:a.text,name:this.pendingName,area_id:this.pendingArea});this.store.put(s),this.dispatchEvent(new CustomEvent("entry-added",{detail:s})),this.pending=void 0,this.message={kind:"ok",text:this.localize("added",{name:s.name||s.ieee})},this.continueScanning(a.source),this.focusAfterRead()}catch(s){let d=await se(this.hass,s),p=s?.translation_key;Ve(s)||p==="already_provisioned"?(this.pending=void 0,this.refuse(a.source,d),this.focusAfterRead()):this.message={kind:"error",text:d}}finally{this.busy=!1}}}skipPending(){let e=this.pending;this.pending=void 0,this.message=void 0,e&&this.continueScanning(e.source),this.focusAfterRead()}focusAfterRead(){this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${this.tab}`)?.focus())}async onPhoto(e){let a=e.target,s=a.files?.[0];if(a.value="",!s||this.pending)return;this.fileNames={...this.fileNames,photo:s.name},this.busy=!0,this.message={kind:"info",text:this.localize("decoding")};let d;try{d=await ea(s)}catch{this.busy=!1,this.message={kind:"error",text:this.localize("photo_bad")};return}if(this.busy=!1,!d){this.message={kind:"error",text:this.localize("photo_none")};return}await this.onRead(d,"photo")}async onCsv(e){let a=e.target,s=a.files?.[0];if(a.value="",!!s){this.fileNames={...this.fileNames,csv:s.name},this.busy=!0,this.importErrors=[],this.message=void 0;try{let d=s.size>4194304?void 0:await s.text(),p=d===void 0?s.size:this.api.importBytes(d);if(d===void 0||p>4194304){this.message={kind:"error",text:this.tooLarge(s.name,p)};return}let f=await this.api.importCsv(d),v=await je(this.hass)??this.hass.localize;this.importErrors=f.errors.map(A=>{let w=v(`component.provisioning.exceptions.${A.error}.message`,{ieee:A.ieee??"",title:A.title??"",field:""})||A.error;return`${this.localize("import_line",{line:A.line})}: ${w}${A.ieee&&!w.includes(A.ieee)?` (${A.ieee})`:""}`}),this.message={kind:f.added?"ok":"error",text:f.added?this.localize("import_added",{count:f.added}):this.localize("import_none")}}catch(d){this.message={kind:"error",text:await se(this.hass,d)}}finally{this.busy=!1}}}tooLarge(e,a){let s=this.hass.locale?.language??this.hass.language??"en";return this.localize("import_too_large",{file:e,size:xr(a,s),limit:xr(4194304,s)})}selectTab(e){this.tab!==e&&(this.message=void 0,this.tab=e)}onTabKey(e){let a=e.key==="ArrowRight"?1:e.key==="ArrowLeft"?-1:0;if(!a)return;let s=nt[(nt.indexOf(this.tab)+a+nt.length)%nt.length];this.selectTab(s),this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${s}`)?.focus())}render(){let e=this.localize;return b`<dialog
      id="add-dialog"
      aria-labelledby="add-title"
      @close=${()=>this.onClosed()}
    >
      ${this.opened?b`<div class="dialog-head">
              <h2 id="add-title">${e("add_title")}</h2>
              <button
                class="icon"
                id="add-close"
                aria-label=${e("close")}
                title=${e("close")}
                @click=${()=>this.close()}
              >
                ${Y(G.close)}
              </button>
            </div>
            <div class="tabs" role="tablist" aria-label=${e("ways")} @keydown=${this.onTabKey}>
              ${nt.map(a=>b`<button
                  role="tab"
                  id=${`tab-${a}`}
                  aria-selected=${this.tab===a?"true":"false"}
                  aria-controls="tabpanel"
                  tabindex=${this.tab===a?0:-1}
                  ?autofocus=${this.tab===a}
                  @click=${()=>this.selectTab(a)}
                >
                  ${e(`tab_${a}`)}
                </button>`)}
            </div>
            <div class="dialog-body" role="tabpanel" id="tabpanel" aria-labelledby=${`tab-${this.tab}`}>
              <!-- No whitespace in #status, so that it is :empty (and takes no room) without a message. -->
              <div id="status" class="live" aria-live="polite" role="status">${this.message?b`<div class="alert ${this.message.kind}" data-kind=${this.message.kind}>
                    ${this.message.text}
                  </div>`:x}</div>
              ${this.pending?this.renderPending(this.pending):x}
              ${this.tab==="scan"?this.renderScan():this.tab==="photo"?this.renderPhoto():this.tab==="import"?this.renderImport():x}
              <provisioning-type-form
                ?hidden=${this.tab!=="type"}
                .hass=${this.hass}
                .api=${this.api}
                .store=${this.store}
                .localize=${e}
                @add-message=${a=>{this.message=a.detail}}
              ></provisioning-type-form>
            </div>`:x}
    </dialog>`}renderPending(e){let a=this.localize,s=e.parsed;return b`<form class="read" id="read" aria-labelledby="read-title" @submit=${this.addPending}>
      <h3 id="read-title">${a("read_title")}</h3>
      <dl>
        <dt>${a("ieee")}</dt>
        <dd class="mono" id="read-ieee">${s.ieee}</dd>
        <dt>${a("read_format")}</dt>
        <dd id="read-format">${s.format}</dd>
        <dt>${a("key")}</dt>
        <dd id="read-key">${a(s.key_type==="link_key"?"read_key_link_key":"read_key_install_code")}</dd>
        ${s.model?b`<dt>${a("read_model")}</dt>
              <dd id="read-model">${s.model}</dd>`:x}
      </dl>
      <label class="field"
        >${a("name")}
        <input
          id="read-name"
          name="name"
          type="text"
          autocomplete="off"
          placeholder=${s.model??""}
          .value=${this.pendingName}
          @input=${d=>{this.pendingName=d.target.value}}
        />
      </label>
      <provisioning-area-picker
        id="read-area"
        .hass=${this.hass}
        .localize=${a}
        .value=${this.pendingArea}
        @area-changed=${d=>{this.pendingArea=d.detail}}
      ></provisioning-area-picker>
      <div class="buttons">
        <button type="button" id="read-skip" @click=${()=>this.skipPending()}>${a("skip")}</button>
        <button type="submit" id="read-add" class="primary" ?disabled=${this.busy}>
          ${a("add_device")}
        </button>
      </div>
    </form>`}renderScan(){let e=this.localize;if(this.app())return b`<p class="secondary">${e("scan_app_hint")}</p>
        <button
          id="scan-app"
          class="primary"
          ?disabled=${!!this.pending||this.busy}
          @click=${()=>this.openCompanion()}
        >
          ${e("scan_app")}
        </button>`;if(this.camera==="insecure"||this.camera==="failed"){let s=this.camera==="insecure"?"insecure":this.cameraError;return b`<div class="alert info" id="camera-unavailable" data-problem=${s}>
          ${e(`scan_${s}`)}
        </div>
        <div class="buttons start">
          <button id="use-photo" class="primary" @click=${()=>this.selectTab("photo")}>
            ${Y(G.camera)} ${e("use_photo")}
          </button>
          ${this.camera==="failed"?b`<button id="camera-retry" class="outlined" @click=${()=>this.retryCamera()}>
                ${e("retry")}
              </button>`:x}
        </div>`}let a=!!this.pending;return b`<p class="secondary" id="scan-hint">${e(a?"scan_paused":"scan_hint")}</p>
      <div class="viewfinder ${a?"paused":""}">
        <video id="video" muted playsinline aria-label=${e("tab_scan")}></video>
        ${this.camera==="starting"?b`<span class="overlay">${e("scan_starting")}</span>`:x}
      </div>`}async retryCamera(){this.camera="off",await this.updateComplete,this.syncScanning()}renderFilePick(e,a,s,d){let p=this.fileNames[e];return b`<div class="file-pick">
      ${d(`${e}-name`)}
      <label for=${e} class="file-button">${Y(s)}<span>${a}</span></label>
      <span id=${`${e}-name`} class="file-name ${p?"":"secondary"}"
        >${p??this.localize("file_none")}</span
      >
    </div>`}renderPhoto(){let e=this.localize;return b`<p class="secondary">${e("photo_hint")}</p>
      ${this.renderFilePick("photo",e("photo_pick"),G.camera,a=>b`<input
          id="photo"
          name="photo"
          class="visually-hidden"
          type="file"
          accept="image/*"
          capture="environment"
          aria-describedby=${a}
          ?disabled=${!!this.pending||this.busy}
          @change=${this.onPhoto}
        />`)}`}renderImport(){let e=this.localize;return b`<p class="secondary">${e("import_hint")}</p>
      ${this.renderFilePick("csv",e("import_pick"),G.upload,a=>b`<input
          id="csv"
          name="csv"
          class="visually-hidden"
          type="file"
          accept=".csv,text/csv"
          aria-describedby=${a}
          ?disabled=${this.busy}
          @change=${this.onCsv}
        />`)}
      ${this.importErrors.length?b`<ul id="import-errors" class="errors">
            ${this.importErrors.map(a=>b`<li>${a}</li>`)}
          </ul>`:x}`}static{this.styles=[ee,Ot,W`
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
    `]}};g([C({attribute:!1})],U.prototype,"hass",2),g([C({attribute:!1})],U.prototype,"api",2),g([C({attribute:!1})],U.prototype,"store",2),g([C({attribute:!1})],U.prototype,"localize",2),g([_()],U.prototype,"tab",2),g([_()],U.prototype,"opened",2),g([_()],U.prototype,"message",2),g([_()],U.prototype,"pending",2),g([_()],U.prototype,"pendingName",2),g([_()],U.prototype,"pendingArea",2),g([_()],U.prototype,"busy",2),g([_()],U.prototype,"camera",2),g([_()],U.prototype,"cameraError",2),g([_()],U.prototype,"fileNames",2),g([_()],U.prototype,"importErrors",2),g([_e("dialog")],U.prototype,"dialog",2),g([_e("video")],U.prototype,"video",2);K("provisioning-add-dialog",U);var da={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},ca=n=>(...i)=>({_$litDirective$:n,values:i}),Bt=class{constructor(i){}get _$AU(){return this._$AM._$AU}_$AT(i,e,a){this._$Ct=i,this._$AM=e,this._$Ci=a}_$AS(i,e){return this.update(i,e)}update(i,e){return this.render(...e)}};var{I:Yo}=Li,pa=n=>n;var ua=()=>document.createComment(""),qe=(n,i,e)=>{let a=n._$AA.parentNode,s=i===void 0?n._$AB:i._$AA;if(e===void 0){let d=a.insertBefore(ua(),s),p=a.insertBefore(ua(),s);e=new Yo(d,p,n,n.options)}else{let d=e._$AB.nextSibling,p=e._$AM,f=p!==n;if(f){let v;e._$AQ?.(n),e._$AM=n,e._$AP!==void 0&&(v=n._$AU)!==p._$AU&&e._$AP(v)}if(d!==s||f){let v=e._$AA;for(;v!==d;){let A=pa(v).nextSibling;pa(a).insertBefore(v,s),v=A}}}return e},Se=(n,i,e=n)=>(n._$AI(i,e),n),el={},ha=(n,i=el)=>n._$AH=i,ma=n=>n._$AH,Ft=n=>{n._$AR(),n._$AA.remove()};var fa=(n,i,e)=>{let a=new Map;for(let s=i;s<=e;s++)a.set(n[s],s);return a},va=ca(class extends Bt{constructor(n){if(super(n),n.type!==da.CHILD)throw Error("repeat() can only be used in text expressions")}dt(n,i,e){let a;e===void 0?e=i:i!==void 0&&(a=i);let s=[],d=[],p=0;for(let f of n)s[p]=a?a(f,p):p,d[p]=e(f,p),p++;return{values:d,keys:s}}render(n,i,e){return this.dt(n,i,e).values}update(n,[i,e,a]){let s=ma(n),{values:d,keys:p}=this.dt(i,e,a);if(!Array.isArray(s))return this.ut=p,d;let f=this.ut??=[],v=[],A,I,w=0,H=s.length-1,S=0,F=d.length-1;for(;w<=H&&S<=F;)if(s[w]===null)w++;else if(s[H]===null)H--;else if(f[w]===p[S])v[S]=Se(s[w],d[S]),w++,S++;else if(f[H]===p[F])v[F]=Se(s[H],d[F]),H--,F--;else if(f[w]===p[F])v[F]=Se(s[w],d[F]),qe(n,v[F+1],s[w]),w++,F--;else if(f[H]===p[S])v[S]=Se(s[H],d[S]),qe(n,s[w],s[H]),H--,S++;else if(A===void 0&&(A=fa(p,S,F),I=fa(f,w,H)),A.has(f[w]))if(A.has(f[H])){let te=I.get(p[S]),Ae=te!==void 0?s[te]:null;if(Ae===null){let k=qe(n,s[w]);Se(k,d[S]),v[S]=k}else v[S]=Se(Ae,d[S]),qe(n,s[w],Ae),s[te]=null;S++}else Ft(s[H]),H--;else Ft(s[w]),w++;for(;S<=F;){let te=qe(n,v[F+1]);Se(te,d[S]),v[S++]=te}for(;w<=H;){let te=s[w++];te!==null&&Ft(te)}return this.ut=p,ha(n,v),xe}});var Cr=class extends HTMLElement{constructor(){super(...arguments);this.iso="";this.locale="en";this.onClock=()=>this.refresh()}get datetime(){return this.iso}set datetime(e){e!==this.iso&&(this.iso=e,this.refresh())}get language(){return this.locale}set language(e){e!==this.locale&&(this.locale=e,this.refresh())}connectedCallback(){de.addEventListener("change",this.onClock),this.refresh()}disconnectedCallback(){de.removeEventListener("change",this.onClock),window.clearTimeout(this.timer),this.timer=void 0}refresh(){if(window.clearTimeout(this.timer),this.timer=void 0,!this.isConnected)return;let e=de.now(),a=aa(this.iso,e,this.locale);this.textContent!==a&&(this.textContent=a),this.timer=window.setTimeout(()=>this.refresh(),sa(this.iso,e)+20)}};K("provisioning-relative-time",Cr);var Dt={title:"Provisioning",menu:"Open the sidebar",loading:"Loading the provisioning list…",retry:"Retry",coordinator:"Coordinator",admit:"Admit provisioned devices",stop:"Stop",duration:"How long to admit",minutes:"{count} min",window_open:"Open",window_closed:"Closed",window_continuous:"Continuous",window_state:"Admission: {state}",window_remaining:"{time} left",keys_loaded:"{count} keys loaded",keys_waiting:"{count} waiting",install_code_only:"The radio admits only devices with an install code",guard:"Only admit provisioned devices",search:"Search name, IEEE or area",filter_status:"Status",filter_all:"All",col_name:"Name",col_ieee:"IEEE",col_area:"Area",col_status:"Status",col_provider:"Provider",col_updated:"Last change",col_actions:"Actions",sort_by:"Sort by {column}",status_pending:"Pending",status_admitting:"Admitting",status_joined:"Joined",status_failed:"Failed",status_revoked:"Revoked",reason_interview_timeout:"Joined but did not complete its interview in time",no_entries:"No device is on the provisioning list yet.",no_match:"No device matches.",count:"{shown} of {total} devices",unnamed:"Unnamed device",managed_by:"Managed by {title}",edit:"Edit",delete:"Delete",open_device:"Open device",add:"Add devices",close:"Close",cancel:"Cancel",save:"Save",edit_title:"Edit {name}",name:"Name",area:"Area",no_area:"No area",new_key:"New key (optional)",key_unchanged:"Leave empty to keep the current key.",install_code:"Install code",link_key:"Link key",delete_title:"Delete {name}?",delete_text:"{ieee} leaves the provisioning list and its key leaves the coordinator. The device, if it joined, stays in Home Assistant.",add_title:"Add devices",tab_scan:"Scan",tab_photo:"Photo",tab_type:"Type",tab_import:"Import CSV",ways:"Ways to add",scan_hint:"Hold the label's QR or Data Matrix code in front of the camera.",scan_insecure:"The browser allows the camera only over HTTPS or on localhost. Take a photo of the label instead.",scan_no_camera:"No camera was found on this device. Take a photo of the label instead.",scan_denied:"The browser was not allowed to use the camera. Allow it in the site settings, or take a photo of the label instead.",scan_in_use:"The camera is in use by another app or could not be started. Close that app and try again, or take a photo of the label instead.",scan_unavailable:"The camera could not be started. Take a photo of the label instead.",scan_paused:"Scanning goes on after Add or Skip.",scan_starting:"Starting the camera…",scan_app:"Scan with the app",scan_app_hint:"The Home Assistant app opens its own scanner.",scan_app_title:"Scan a device label",scan_app_description:"Point the camera at the QR or Data Matrix code on the device.",scan_app_alternative:"Type the code",scan_wrong_format:"Only QR and Data Matrix codes can be read.",use_photo:"Take a photo instead",photo_hint:"Take or choose a photo of the label's QR or Data Matrix code.",photo_pick:"Choose a photo",file_none:"No file chosen",photo_none:"No QR or Data Matrix code was found in this photo.",photo_bad:"This file could not be read as an image.",decoding:"Reading the code…",read_title:"Read from the label",read_format:"Format",read_key_install_code:"Install code ••••",read_key_link_key:"Link key ••••",read_model:"Model",skip:"Skip",add_device:"Add",added:"{name} added.",already_listed:"{ieee} is already on the provisioning list.",type_mode:"What to type",type_qr:"QR code text",type_fields:"IEEE and key",qr_code:"QR code text",ieee:"IEEE address",key_type:"Key type",key:"Key",show_secret:"Show",hide_secret:"Hide",import_hint:"A CSV file with a header line: ieee, install_code or link_key, and optionally name and area.",import_pick:"Choose a CSV file",import_added:"{count} added",import_line:"Line {line}",import_none:"Nothing was imported.",import_too_large:"{file} is too large to send ({size}): Home Assistant takes at most {limit} in one message. Split it into smaller files."},ga={en:Dt};function ya(n){let i=(n??"en").toLowerCase(),e=ga[i]??ga[i.split("-")[0]]??Dt;return(a,s)=>{let d=e[a]??Dt[a]??a;return s?d.replace(/\{(\w+)\}/g,(p,f)=>f in s?String(s[f]):p):d}}function ba(n){return Object.hasOwn(Dt,n)}var $a=["pending","admitting","joined","failed","revoked"];var tl=[["name","col_name"],["ieee","col_ieee"],["area","col_area"],["status","col_status"],["provider","col_provider"],["updated","col_updated"]];function rl(n,i){let e=`reason_${n}`;return ba(e)?i(e):n}var ne=class extends D{constructor(){super(...arguments);this.version=0;this.language="en";this.narrow=!1;this.query="";this.status="";this.sort="name";this.descending=!1}setSort(e){this.sort===e?this.descending=!this.descending:(this.sort=e,this.descending=e==="updated")}render(){let e=this.localize,a=this.store.view({query:this.query,status:this.status,sort:this.sort,descending:this.descending,areas:this.areas}),s=this.store.entries.size;return b`
      <div class="toolbar">
        <input
          id="search"
          type="search"
          aria-label=${e("search")}
          placeholder=${e("search")}
          .value=${this.query}
          @input=${d=>{this.query=d.target.value}}
        />
        <div class="chips" role="group" aria-label=${e("filter_status")}>
          ${["",...$a].map(d=>b`<button
              class="chip"
              data-filter=${d||"all"}
              aria-pressed=${this.status===d?"true":"false"}
              @click=${()=>{this.status=d}}
            >
              ${e(d?`status_${d}`:"filter_all")}
            </button>`)}
        </div>
        <span id="count" class="secondary" aria-live="polite"
          >${e("count",{shown:a.length,total:s})}</span
        >
      </div>
      <div class="table" role="table" aria-label=${e("title")} aria-rowcount=${a.length+1}>
        <div class="row head" role="row">
          ${tl.map(([d,p])=>{let f=this.sort===d;return b`<div
              class="cell col-${d}"
              role="columnheader"
              aria-sort=${f?this.descending?"descending":"ascending":"none"}
            >
              <button
                class="sort"
                data-sort=${d}
                title=${e("sort_by",{column:e(p)})}
                @click=${()=>this.setSort(d)}
              >
                ${e(p)}
                ${f?Y(this.descending?G.sortDesc:G.sortAsc):x}
              </button>
            </div>`})}
          <div class="cell col-actions" role="columnheader">
            <span class="visually-hidden">${e("col_actions")}</span>
          </div>
        </div>
        ${a.length===0?b`<div class="empty secondary" id="empty">
              ${e(s===0?"no_entries":"no_match")}
            </div>`:va(a,d=>d.ieee,d=>this.renderRow(d))}
      </div>
    `}renderRow(e){let a=this.localize,s=e.name||a("unnamed");return b`<div
      class="row"
      role="row"
      data-ieee=${e.ieee}
      data-status=${e.status}
    >
      <div class="cell col-name" role="cell">
        <span class=${e.name?"":"secondary"}>${s}</span>
        ${this.narrow?b`<span class="sub secondary mono ieee">${e.ieee}</span>`:x}
        ${e.model?b`<span class="sub secondary">${e.model}</span>`:x}
      </div>
      <div class="cell col-ieee mono" role="cell">${e.ieee}</div>
      <div class="cell col-area" role="cell">${_r(e,this.areas)}</div>
      <div class="cell col-status" role="cell">
        <span class="status status-${e.status}">${a(`status_${e.status}`)}</span>
        ${e.status_reason?b`<span class="sub secondary reason">${rl(e.status_reason,a)}</span>`:x}
      </div>
      <div class="cell col-provider" role="cell">${e.provider_title}</div>
      <div class="cell col-updated" role="cell">
        <time datetime=${e.updated_at} title=${na(e.updated_at,this.language)}
          ><provisioning-relative-time
            .datetime=${e.updated_at}
            .language=${this.language}
          ></provisioning-relative-time
        ></time>
      </div>
      <div class="cell col-actions" role="cell">
        ${e.device_id?b`<button
              class="icon"
              data-action="open"
              title=${a("open_device")}
              aria-label=${`${a("open_device")}: ${s}`}
              @click=${()=>zi(`/config/devices/device/${e.device_id}`)}
            >
              ${Y(G.openInNew)}
            </button>`:x}
        ${e.editable?b`<button
                class="icon"
                data-action="edit"
                title=${a("edit")}
                aria-label=${`${a("edit")}: ${s}`}
                @click=${d=>ie(this,"entry-edit",{entry:e,opener:d.currentTarget})}
              >
                ${Y(G.pencil)}
              </button>
              <button
                class="icon danger"
                data-action="delete"
                title=${a("delete")}
                aria-label=${`${a("delete")}: ${s}`}
                @click=${d=>ie(this,"entry-delete",{entry:e,opener:d.currentTarget})}
              >
                ${Y(G.delete)}
              </button>`:b`<span class="managed secondary"
              >${a("managed_by",{title:e.provider_title})}</span
            >`}
      </div>
    </div>`}static{this.styles=[ee,W`
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
    `]}};g([C({attribute:!1})],ne.prototype,"store",2),g([C({type:Number})],ne.prototype,"version",2),g([C({attribute:!1})],ne.prototype,"areas",2),g([C()],ne.prototype,"language",2),g([C({attribute:!1})],ne.prototype,"localize",2),g([C({type:Boolean,reflect:!0})],ne.prototype,"narrow",2),g([_()],ne.prototype,"query",2),g([_()],ne.prototype,"status",2),g([_()],ne.prototype,"sort",2),g([_()],ne.prototype,"descending",2);K("provisioning-entries-table",ne);var pe=class extends D{constructor(){super(...arguments);this.error="";this.busy=!1}async open(e,a){this.entry=e,this.opener=a,this.error="",this.reset(e),await this.updateComplete,this.dialog.open||this.dialog.showModal()}close(){this.dialog?.open&&this.dialog.close()}onClosed(){this.entry=void 0,this.reset(void 0),this.opener?.focus(),this.opener=void 0}name(){return this.entry?.name||this.entry?.ieee||""}head(e){return b`<div class="dialog-head">
      <h2 id="title">${e}</h2>
      <button
        class="icon"
        aria-label=${this.localize("close")}
        title=${this.localize("close")}
        @click=${()=>this.close()}
      >
        ${Y(G.close)}
      </button>
    </div>`}static{this.styles=[ee,Ot,W`
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
    `]}};g([C({attribute:!1})],pe.prototype,"hass",2),g([C({attribute:!1})],pe.prototype,"api",2),g([C({attribute:!1})],pe.prototype,"localize",2),g([_()],pe.prototype,"entry",2),g([_()],pe.prototype,"error",2),g([_()],pe.prototype,"busy",2),g([_e("dialog")],pe.prototype,"dialog",2);var Te=class extends pe{constructor(){super(...arguments);this.nameValue="";this.areaId="";this.keyType="install_code";this.key="";this.keyError=""}reset(e){this.nameValue=e?.name??"",this.areaId=e?.area_id??"",this.keyType=e?.key_type??"install_code",this.key="",this.keyError="",this.busy=!1}async save(e){e.preventDefault();let a=this.entry;if(!a||this.busy)return;let s={},d=this.nameValue.trim()||null;d!==(a.name??null)&&(s.name=d),(this.areaId||null)!==(a.area_id??null)&&(s.area_id=this.areaId||null),this.key.trim()&&(s[this.keyType]=this.key.trim()),this.busy=!0,this.error="",this.keyError="";try{let p=await this.api.update(a.ieee,s);this.dispatchEvent(new CustomEvent("entry-saved",{detail:p})),this.close()}catch(p){let f=await se(this.hass,p),v=Ve(p);v==="install_code"||v==="link_key"?this.keyError=f:this.error=f}finally{this.busy=!1}}render(){let e=this.localize;return b`<dialog
      id="edit-dialog"
      aria-labelledby="title"
      @close=${()=>this.onClosed()}
    >
      ${this.entry?b`${this.head(e("edit_title",{name:this.name()}))}
            <form @submit=${this.save}>
              <div class="dialog-body">
                <span class="mono secondary">${this.entry.ieee}</span>
                ${this.error?b`<div class="alert" role="alert" id="edit-error">${this.error}</div>`:x}
                <label class="field"
                  >${e("name")}
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
                <provisioning-area-picker
                  id="edit-area"
                  .hass=${this.hass}
                  .localize=${e}
                  .value=${this.areaId}
                  @area-changed=${a=>{this.areaId=a.detail}}
                ></provisioning-area-picker>
                <fieldset>
                  <legend>${e("new_key")}</legend>
                  <label class="field"
                    >${e("key_type")}
                    <select
                      id="edit-key-type"
                      name="key_type"
                      @change=${a=>{this.keyType=a.target.value}}
                    >
                      <option value="install_code" ?selected=${this.keyType==="install_code"}>
                        ${e("install_code")}
                      </option>
                      <option value="link_key" ?selected=${this.keyType==="link_key"}>
                        ${e("link_key")}
                      </option>
                    </select>
                  </label>
                  <provisioning-secret-input
                    id="edit-key"
                    name=${this.keyType}
                    .label=${this.keyType==="install_code"?e("install_code"):e("link_key")}
                    .value=${this.key}
                    .error=${this.keyError}
                    .localize=${e}
                    autocomplete="new-password"
                    @value-changed=${a=>{this.key=a.detail}}
                  ></provisioning-secret-input>
                  <span class="secondary hint">${e("key_unchanged")}</span>
                </fieldset>
              </div>
              <div class="dialog-actions">
                <button type="button" id="edit-cancel" @click=${()=>this.close()}>
                  ${e("cancel")}
                </button>
                <button type="submit" id="edit-save" class="primary" ?disabled=${this.busy}>
                  ${e("save")}
                </button>
              </div>
            </form>`:x}
    </dialog>`}};g([_()],Te.prototype,"nameValue",2),g([_()],Te.prototype,"areaId",2),g([_()],Te.prototype,"keyType",2),g([_()],Te.prototype,"key",2),g([_()],Te.prototype,"keyError",2);var kr=class extends pe{reset(){this.busy=!1}async confirm(){let i=this.entry;if(!(!i||this.busy)){this.busy=!0,this.error="";try{await this.api.remove(i.ieee),this.dispatchEvent(new CustomEvent("entry-removed",{detail:i.ieee})),this.close()}catch(e){this.error=await se(this.hass,e)}finally{this.busy=!1}}}render(){let i=this.localize;return b`<dialog
      id="delete-dialog"
      role="alertdialog"
      aria-labelledby="title"
      aria-describedby="delete-text"
      @close=${()=>this.onClosed()}
    >
      ${this.entry?b`${this.head(i("delete_title",{name:this.name()}))}
            <div class="dialog-body">
              ${this.error?b`<div class="alert" role="alert" id="delete-error">${this.error}</div>`:x}
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
            </div>`:x}
    </dialog>`}};K("provisioning-edit-dialog",Te);K("provisioning-delete-dialog",kr);var il=[60,180,300,600,1800,3600],ge=class extends D{constructor(){super(...arguments);this.coordinators=[];this.busy=!1;this.now=de.now();this.duration=180}disconnectedCallback(){super.disconnectedCallback(),this.stopTimer()}connectedCallback(){super.connectedCallback(),this.syncTimer()}updated(e){e.has("window")&&this.syncTimer()}syncTimer(){let e=!!(this.window?.open&&this.window.ends_at)&&this.isConnected;e&&this.timer===void 0?(this.now=de.now(),this.timer=window.setInterval(()=>{this.now=de.now()},1e3)):e||this.stopTimer()}stopTimer(){this.timer!==void 0&&(clearInterval(this.timer),this.timer=void 0)}render(){let e=this.localize,a=this.window,s=a?a.continuous?"continuous":a.open?"open":"closed":"closed",d=a?.open?oa(a.ends_at,Math.max(this.now,de.now())):null;return b`
      <section class="card" aria-label=${e("admit")}>
        <div class="row">
          <div class="window" data-state=${s}>
            <span class="dot" aria-hidden="true"></span>
            <span id="window-state">${e("window_state",{state:e(`window_${s}`)})}</span>
            ${d!==null?b`<span id="window-countdown" class="countdown mono" role="timer"
                  >${e("window_remaining",{time:la(d)})}</span
                >`:x}
          </div>
          <div class="actions">
            ${a?.open&&!a.continuous?b`<button
                  id="window-stop"
                  class="outlined danger"
                  ?disabled=${this.busy}
                  @click=${()=>ie(this,"window-stop")}
                >
                  ${e("stop")}
                </button>`:x}
            <select
              id="window-duration"
              aria-label=${e("duration")}
              title=${e("duration")}
              ?disabled=${this.busy||!a||a.continuous}
              @change=${p=>{this.duration=Number(p.target.value)}}
            >
              ${il.map(p=>b`<option value=${p} ?selected=${p===this.duration}>
                    ${e("minutes",{count:p/60})}
                  </option>`)}
            </select>
            <button
              id="window-start"
              class="primary"
              ?disabled=${this.busy||!a||a.continuous}
              @click=${()=>ie(this,"window-start",this.duration)}
            >
              ${e("admit")}
            </button>
          </div>
        </div>
        <div class="row details secondary">
          <span id="keys-loaded">${e("keys_loaded",{count:a?.keys_loaded??0})}</span>
          <span id="keys-waiting" class=${a?.waiting?"warn":""}
            >${e("keys_waiting",{count:a?.waiting??0})}</span
          >
          ${a?.install_code_only?b`<span>${e("install_code_only")}</span>`:x}
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
            <span>${e("guard")}</span>
          </label>
          ${this.coordinators.length>1?b`<label class="coordinator">
                <span>${e("coordinator")}</span>
                <select
                  id="coordinator"
                  @change=${p=>ie(this,"coordinator-select",p.target.value)}
                >
                  ${this.coordinators.map(p=>b`<option
                        value=${p.config_entry_id}
                        ?selected=${p.config_entry_id===this.coordinator}
                      >
                        ${p.title}
                      </option>`)}
                </select>
              </label>`:x}
        </div>
      </section>
    `}static{this.styles=[ee,W`
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
    `]}};g([C({attribute:!1})],ge.prototype,"window",2),g([C({attribute:!1})],ge.prototype,"coordinators",2),g([C({attribute:!1})],ge.prototype,"coordinator",2),g([C({attribute:!1})],ge.prototype,"localize",2),g([C({type:Boolean})],ge.prototype,"busy",2),g([_()],ge.prototype,"now",2),g([_()],ge.prototype,"duration",2);K("provisioning-window-card",ge);var Z=class extends D{constructor(){super(...arguments);this.narrow=!1;this.coordinators=[];this.version=0;this.loaded=!1;this.error="";this.busy=!1;this.loadFailed=!1;this.store=new Nt;this.started=!1}get language(){return this.hass?.locale?.language??this.hass?.language??"en"}get t(){let e=this.language;return this.localizeCache?.language!==e&&(this.localizeCache={language:e,localize:ya(e)}),this.localizeCache.localize}connectedCallback(){super.connectedCallback(),this.hass&&!this.started&&this.start()}disconnectedCallback(){super.disconnectedCallback(),this.stopSubscription(),this.started=!1}willUpdate(e){e.has("hass")&&this.hass&&!this.started&&this.isConnected&&this.start()}async start(){let e=this.hass;if(e){this.started=!0,je(e);try{this.coordinators=await new st(e,void 0).coordinators()}catch(a){this.error=await se(e,a),this.loadFailed=!0;return}(!this.coordinator||!this.coordinators.some(a=>a.config_entry_id===this.coordinator))&&(this.coordinator=this.coordinators[0]?.config_entry_id),this.subscribe()}}retry(){this.stopSubscription(),this.error="",this.loadFailed=!1,this.start()}subscribe(){let e=this.hass;if(!e||!this.started)return;this.stopSubscription(),this.loaded=!1,this.loadFailed=!1,this.error="";let a=new st(e,this.coordinator);this.api=a,this.unsubscribe=a.subscribe(s=>{this.api===a&&this.onEvent(s)}).catch(async s=>{this.api===a&&(this.error=await se(e,s),this.loadFailed=!0)})}stopSubscription(){let e=this.unsubscribe;this.unsubscribe=void 0,this.api=void 0,e?.then(a=>a?.()).catch(()=>{})}onEvent(e){switch(e.type){case"snapshot":de.sync(e.now),this.store.apply(e),this.window=e.window,this.loaded=!0;break;case"entries":this.store.apply(e);break;case"window":this.window=e.window;break;case"providers":break}this.version=this.store.version}async run(e){let a=this.api;if(!(!a||!this.hass)){this.busy=!0,this.error="";try{let s=await e(a);s&&(this.window=s)}catch(s){this.error=await se(this.hass,s)}finally{this.busy=!1}}}render(){let e=this.t;return b`
      <header class="toolbar">
        ${this.narrow?b`<button
              class="icon"
              id="menu"
              aria-label=${e("menu")}
              title=${e("menu")}
              @click=${()=>ie(this,"hass-toggle-menu")}
            >
              ${Y(G.menu)}
            </button>`:x}
        <h1>${e("title")}</h1>
      </header>
      <main>
        ${this.error?b`<div class="alert error-row" role="alert" id="panel-error">
              <span>${this.error}</span>
              ${this.loadFailed?b`<button id="retry" class="outlined" @click=${()=>this.retry()}>
                    ${e("retry")}
                  </button>`:x}
            </div>`:x}
        <provisioning-window-card
          .window=${this.window}
          .coordinators=${this.coordinators}
          .coordinator=${this.coordinator}
          .localize=${e}
          ?busy=${this.busy}
          @window-start=${a=>this.run(s=>s.startWindow(a.detail))}
          @window-stop=${()=>this.run(a=>a.stopWindow())}
          @guard-set=${a=>this.run(s=>s.setGuard(a.detail))}
          @coordinator-select=${a=>{this.coordinator=a.detail,this.subscribe()}}
        ></provisioning-window-card>
        <h2 class="visually-hidden">${e("title")}</h2>
        ${this.loaded?b`<provisioning-entries-table
              .store=${this.store}
              .version=${this.version}
              .areas=${this.hass?.areas}
              .language=${this.language}
              .localize=${e}
              ?narrow=${this.narrow}
              @entry-edit=${a=>this.editDialog.open(a.detail.entry,a.detail.opener)}
              @entry-delete=${a=>this.deleteDialog.open(a.detail.entry,a.detail.opener)}
            ></provisioning-entries-table>`:this.error?x:b`<p class="secondary" id="loading">${e("loading")}</p>`}
        <!-- Home Assistant's extended floating action button: bottom right, over the list. -->
        <button
          id="add"
          class="primary fab"
          ?disabled=${!this.api}
          @click=${a=>this.addDialog.open(a.currentTarget)}
        >
          ${Y(G.plus)} ${e("add")}
        </button>
      </main>
      ${this.hass&&this.api?b`<provisioning-add-dialog
              .hass=${this.hass}
              .api=${this.api}
              .store=${this.store}
              .localize=${e}
              @entry-added=${()=>this.version=this.store.version}
            ></provisioning-add-dialog>
            <provisioning-edit-dialog
              .hass=${this.hass}
              .api=${this.api}
              .localize=${e}
              @entry-saved=${a=>{this.store.put(a.detail),this.version=this.store.version}}
            ></provisioning-edit-dialog>
            <provisioning-delete-dialog
              .hass=${this.hass}
              .api=${this.api}
              .localize=${e}
              @entry-removed=${a=>{this.store.delete(a.detail),this.version=this.store.version}}
            ></provisioning-delete-dialog>`:x}
    `}static{this.styles=[ee,W`
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
    `]}};g([C({attribute:!1})],Z.prototype,"hass",2),g([C({type:Boolean,reflect:!0})],Z.prototype,"narrow",2),g([C({attribute:!1})],Z.prototype,"route",2),g([C({attribute:!1})],Z.prototype,"panel",2),g([_()],Z.prototype,"window",2),g([_()],Z.prototype,"coordinators",2),g([_()],Z.prototype,"coordinator",2),g([_()],Z.prototype,"version",2),g([_()],Z.prototype,"loaded",2),g([_()],Z.prototype,"error",2),g([_()],Z.prototype,"busy",2),g([_()],Z.prototype,"loadFailed",2),g([_e("provisioning-add-dialog")],Z.prototype,"addDialog",2),g([_e("provisioning-edit-dialog")],Z.prototype,"editDialog",2),g([_e("provisioning-delete-dialog")],Z.prototype,"deleteDialog",2);K("provisioning-panel",Z);export{Z as ProvisioningPanel};
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
