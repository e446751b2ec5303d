import { VueQueryPlugin } from '@tanstack/vue-query';
import { createApp } from 'vue';
import App from './App.vue';
import { queryClient } from './demo.ts';

createApp(App).use(VueQueryPlugin, { queryClient }).mount('#app');
